"""Geoparsing: mentions, Korean particles and abbreviations, demonyms, disambiguation, and the target
that every place the sample articles name resolves within 25 km of where it really is.

Expected coordinates are NOT taken from this project's data: cities and sites from the coordinates
printed in the English Wikipedia article of each place (GeoNames supplies the gazetteer's values),
the Vostochny Cosmodrome from Encyclopedia Astronautica ("Vostochniy": 51.8053 N 128.2322 E), the
Russky Island from Russian Wikipedia (43°00' N 131°50' E); countries and regions as bounding boxes
(south, north, west, east) read from the extreme points given in English Wikipedia, rounded outward.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from dossier import config
from dossier.geo.distance import great_circle_km
from dossier.geo.places import geoparse
from dossier.model import Place, Span

CORPUS = config.SHARED_DIR / "corpus"

# place id -> (lat, lon): a point the resolved place must be within 25 km of.
POINTS = {
    "gn:1871859": (39.0194, 125.7381),  # Pyongyang, 39°01′10″N 125°44′17″E
    "gn:2013348": (43.1333, 131.9000),  # Vladivostok, 43°08′N 131°54′E
    "gn:524901": (55.7558, 37.6178),  # Moscow, 55°45′21″N 37°37′04″E
    "gn:1816670": (39.9067, 116.3975),  # Beijing, 39°54′24″N 116°23′51″E
    "gn:4140963": (38.9047, -77.0367),  # Washington, D.C., 38°54′17″N 77°02′12″W
    "gn:2174003": (-27.4678, 153.0281),  # Brisbane, 27°28′04″S 153°01′41″E
    "gn:2021851": (50.5500, 137.0000),  # Komsomolsk-on-Amur, 50°33′N 137°00′E
    "gn:2022890": (48.4833, 135.0667),  # Khabarovsk, 48°29′N 135°04′E
    "gn:6641869": (51.7625, 128.1208),  # Tsiolkovsky (Amur Oblast), 51°45′45″N 128°07′15″E
    "site:vostochny-cosmodrome": (51.8053, 128.2322),  # Encyclopedia Astronautica
    "site:russky-island": (43.0000, 131.8333),  # Russian Wikipedia
    "site:fefu-russky": (43.0000, 131.8333),  # the campus is on the Russky Island (ru.wikipedia point)
    "site:knaapo": (50.5500, 137.0000),  # the plant is in Komsomolsk-on-Amur's Leninsky district
    "site:khasan": (42.4217, 130.6026),  # Tumangang station, directly across the river (en.wikipedia)
}
# place id -> (south, north, west, east)
BOXES = {
    "country:KP": (37.6, 43.1, 124.1, 130.8),
    "country:KR": (33.0, 38.7, 124.5, 132.0),
    "country:RU": (41.1, 82.0, 19.5, 180.0),
    "country:US": (18.8, 71.5, -179.5, -66.8),
    "country:JP": (20.3, 45.6, 122.8, 154.0),
    "country:CN": (18.1, 53.6, 73.4, 134.8),
    "country:UA": (44.3, 52.4, 22.1, 40.3),
    "country:SY": (32.3, 37.4, 35.7, 42.4),
    "country:AU": (-43.7, -10.6, 113.1, 153.7),
    "country:IR": (25.0, 39.8, 44.0, 63.4),
    "country:BY": (51.2, 56.2, 23.1, 32.8),
    "region:amur-oblast": (48.8, 57.1, 119.6, 134.9),
    "region:primorsky-krai": (42.3, 48.5, 130.4, 139.0),
    "region:khabarovsk-krai": (46.5, 62.5, 130.5, 147.5),
    "region:russian-far-east": (42.0, 77.0, 105.0, 180.0),
    "region:far-eastern-federal-district": (42.0, 77.0, 105.0, 180.0),
    "region:donetsk-oblast": (46.9, 49.3, 36.5, 39.0),
    "region:luhansk-oblast": (47.8, 50.1, 37.8, 40.3),
    "region:korean-peninsula": (34.0, 43.0, 124.0, 131.0),
}

# What each sample article names, read from the articles by hand (not from this module's output).
# required: must all be found; allowed: may also be found (a defensible reading), nothing else may.
ARTICLES = {
    "hi-kim-train-to-russia.txt": {
        "required": {"country:KP", "country:KR", "country:RU", "country:US", "country:JP", "country:UA",
                     "country:SY", "country:CN", "gn:1871859", "gn:524901", "gn:1816670", "gn:4140963",
                     "region:donetsk-oblast", "region:luhansk-oblast"},
        "allowed": set(),
    },
    "ko-en-nk-russia-alliance.txt": {
        "required": {"country:KP", "country:RU", "country:US", "country:KR", "country:UA", "country:BY",
                     "country:IR", "country:CN", "gn:1871859", "gn:2013348", "gn:524901",
                     "site:vostochny-cosmodrome"},
        "allowed": {"region:korean-peninsula"},  # "senior fellow for Korea"
    },
    "kremlin-en-eef-moderators-20230912.txt": {
        "required": {"site:russky-island", "region:primorsky-krai", "region:far-eastern-federal-district",
                     "site:fefu-russky", "country:RU"},
        "allowed": set(),
    },
    "voakorea-blinken-shoigu-20230729.txt": {
        "required": {"country:KP", "country:RU", "country:AU", "gn:2174003", "country:US", "country:UA"},
        "allowed": set(),
    },
    "voakorea-komsomolsk-20230915.txt": {
        "required": {"country:KP", "country:RU", "region:russian-far-east", "region:khabarovsk-krai",
                     "gn:2021851", "site:knaapo", "region:amur-oblast", "site:vostochny-cosmodrome",
                     "gn:2013348", "country:US", "country:KR", "country:JP"},
        "allowed": {"gn:2022890"},  # "하바롭스크 주지사": governor of the krai, read as its capital
    },
    "wiki-en-kim-visit-russia-2023.txt": {
        "required": {"site:vostochny-cosmodrome", "gn:6641869", "region:amur-oblast", "country:RU",
                     "country:KP", "country:UA", "region:russian-far-east", "gn:1871859", "site:khasan",
                     "region:primorsky-krai"},
        "allowed": set(),
    },
}


def ids(places):
    return {p.place_id for p in places}


def where(places, text):
    return [p for p in places if p.text == text]


# ---- sample articles: the target -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_sample_article_places_found_and_located(name):
    path = CORPUS / name
    if not path.exists():
        pytest.skip("shared corpus not available")
    lang = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["language"]
    text = path.read_text(encoding="utf-8")
    places = geoparse(text, lang)
    spec = ARTICLES[name]
    found = ids(places)
    assert spec["required"] <= found, f"missing {sorted(spec['required'] - found)}"
    assert found <= spec["required"] | spec["allowed"], f"unexpected {sorted(found - spec['required'] - spec['allowed'])}"
    for p in places:
        assert text[p.start:p.end] == p.text
        if p.place_id in POINTS:
            lat, lon = POINTS[p.place_id]
            assert great_circle_km(p.lat, p.lon, lat, lon) <= 25.0, (p.place_id, p.lat, p.lon)
        else:
            s, n, w, e = BOXES[p.place_id]
            assert s <= p.lat <= n and w <= p.lon <= e, (p.place_id, p.lat, p.lon)


def test_country_points_are_inside_their_natural_earth_outline():
    """The point given for a country lies inside that country's own polygon on the basemap."""
    from dossier.geo.gazetteer import load_gazetteer

    basemap = json.loads((Path(__file__).resolve().parents[1] / "data/basemap/countries.geojson").read_text())
    gaz = load_gazetteer()

    def inside(x, y, ring):
        c = False
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                c = not c
        return c

    for cc in ("KP", "KR", "RU", "US", "JP", "CN", "UA", "SY", "AU", "IR", "BY"):
        p = gaz.get(f"country:{cc}")
        polys = []
        for f in basemap["features"]:
            if f["properties"]["iso_a2"] == cc:
                g = f["geometry"]
                polys += [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        assert any(inside(p.lon, p.lat, poly[0]) for poly in polys), cc


# ---- Korean and Hindi mentions --------------------------------------------------------------------


def test_korean_particle_is_not_part_of_the_mention():
    text = "김 위원장은 블라디보스토크에서 평양으로 돌아갔다."
    places = geoparse(text, "ko")
    assert [(p.text, p.place_id) for p in places] == [("블라디보스토크", "gn:2013348"), ("평양", "gn:1871859")]


def test_korean_abbreviation_names_two_countries():
    text = "북러 정상회담이 열렸다."
    places = geoparse(text, "ko")
    assert [(p.start, p.end, p.place_id) for p in places] == [(0, 1, "country:KP"), (1, 2, "country:RU")]


@pytest.mark.parametrize("text,expected", [
    ("한·미·일 정상이 만났다.", ["country:KR", "country:US", "country:JP"]),
    ("북-러 정상회담", ["country:KP", "country:RU"]),
    ("미·중의 갈등", ["country:US", "country:CN"]),
    ("김·이 두 사람", []),  # family names, not countries
])
def test_korean_one_syllable_chains(text, expected):
    assert [p.place_id for p in geoparse(text, "ko")] == expected


def test_korean_abbreviation_needs_a_relation_word():
    assert geoparse("대미지를 입었다.", "ko") == []  # 대미지 = "damage", not 대미 (towards the US)


def test_hindi_postpositions_are_separate_words():
    text = "किम ने रूस की यात्रा की और प्योंगयांग से ट्रेन रवाना हुई।"
    assert [(p.text, p.place_id) for p in geoparse(text, "hi")] == [("रूस", "country:RU"), ("प्योंगयांग", "gn:1871859")]


# ---- things that are not places ---------------------------------------------------------------------


@pytest.mark.parametrize("text,lang", [
    ("Russian Defense Minister Sergei Shoigu met North Korean officials and Ukrainian envoys.", "en"),
    ("러시아군과 러시아인 관리들이 모였다.", "ko"),
    ("रूसी सेना और अमेरिकी अधिकारियों ने कहा।", "hi"),
    ("Mobile phones are popular. Of course the view was nice, and reading it took a march.", "en"),
    ("고양이가 우리를 위해 연대를 보여 주었다.", "ko"),
    ("The meeting was held on Monday.", "en"),
    ("The New York Times and the Washington Post reported it.", "en"),
    ("Vladimir Putin and John F. Kirby spoke at the Wilson Center.", "en"),
])
def test_no_place_by_accident(text, lang):
    assert geoparse(text, lang) == []


def test_lowercase_us_is_not_the_united_states():
    assert geoparse("They told us about it.", "en") == []
    assert ids(geoparse("The U.S. and the US said so.", "en")) == {"country:US"}


# ---- disambiguation ------------------------------------------------------------------------------------


def test_vostochny_in_a_far_east_context_is_the_cosmodrome():
    places = geoparse("Kim travelled through Amur Oblast and met Putin at Vostochny on Wednesday.", "en")
    assert where(places, "Vostochny")[0].place_id == "site:vostochny-cosmodrome"


def test_khasan_next_to_primorsky_krai_is_the_border_station():
    places = geoparse("The train crossed into Russia at Khasan, Primorsky Krai.", "en")
    assert where(places, "Khasan")[0].place_id == "site:khasan"


def test_population_decides_without_other_evidence():
    assert where(geoparse("Officials in Moscow said so.", "en"), "Moscow")[0].place_id == "gn:524901"
    assert where(geoparse("Officials in Washington said so.", "en"), "Washington")[0].place_id == "gn:4140963"


@pytest.mark.parametrize("text,name,expected", [
    # Hamilton: Ontario 569k (gn:5969782), New Zealand 192k (gn:2190324)
    ("New Zealand police said a storm hit Hamilton on Monday.", "Hamilton", "gn:2190324"),
    ("Police said a storm hit Hamilton on Monday.", "Hamilton", "gn:5969782"),
    # Birmingham: England 1.16M (gn:2655603), Alabama 196k (gn:4049979)
    ("Workers in the United States walked out in Birmingham.", "Birmingham", "gn:4049979"),
    ("Workers walked out in Birmingham.", "Birmingham", "gn:2655603"),
])
def test_countries_the_article_names_outweigh_population(text, name, expected):
    assert where(geoparse(text, "en"), name)[0].place_id == expected


def test_small_town_needs_context():
    # Tsiolkovsky (7,000 people) counts next to the cosmodrome, not on its own in an unrelated text.
    assert "gn:6641869" in ids(geoparse("The Vostochny Cosmodrome is near Tsiolkovsky.", "en"))
    assert geoparse("Tsiolkovsky wrote about rockets.", "en") == []


# ---- NER spans ---------------------------------------------------------------------------------------------


def test_ner_loc_span_is_resolved_even_with_a_typo():
    text = "He will go to Vladikvostok soon."
    s = text.index("Vladikvostok")
    places = geoparse(text, "en", [Span(s, s + len("Vladikvostok"), "LOC")])
    assert [(p.start, p.end, p.place_id) for p in places] == [(s, s + 12, "gn:2013348")]


def test_a_two_syllable_foreign_town_tagged_loc_twice_does_not_support_itself():
    # 크루 ("crew") is also Crewe, England: written twice and tagged LOC both times, it is still a word
    text = "스페이스X 크루 드래곤이 발사됐다. 이번 크루 임무는 6개월이다."
    spans = [Span(k, k + 2, "LOC") for k in (text.index("크루"), text.rindex("크루"))]
    assert geoparse(text, "ko", spans) == []
    # ... while the article naming England still places it
    text = "영국 크루에서 열차가 멈췄다."
    k = text.index("크루")
    assert "gn:2652002" in ids(geoparse(text, "ko", [Span(k, k + 2, "LOC")]))


def test_ner_per_span_blocks_a_city_reading():
    text = "Vladimir said hello."
    assert geoparse(text, "en", [Span(0, 8, "PER")]) == []


def test_ner_loc_span_with_korean_particle():
    text = "김정은은 블라딕보스톡에서 회담했다."
    s = text.index("블라딕보스톡에서")
    places = geoparse(text, "ko", [Span(s, s + 8, "LOC")])
    assert [(p.text, p.place_id) for p in places] == [("블라딕보스톡", "gn:2013348")]


def test_result_is_model_place_with_consistent_offsets():
    text = "From Pyongyang to Vladivostok."
    for p in geoparse(text, "en"):
        assert isinstance(p, Place) and text[p.start:p.end] == p.text and p.kind in ("country", "region", "city", "site")


# ---- with the project's NER model (as dossier.corpus.pipeline calls geoparse) ---------------------------------


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_sample_article_target_holds_with_ner_spans(name):
    """Same target as above, fed the entity spans the pipeline passes (trained NER + knowledge base,
    filtered by pipeline.place_evidence) where the language has a model; NER labels places as
    PER/ORG and names as LOC at times."""
    from dossier.ner import recognise as entities

    path = CORPUS / name
    if not path.exists():
        pytest.skip("shared corpus not available")
    lang = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["language"]
    if not entities.has_model(lang):
        pytest.skip(f"no NER model for {lang}")
    from dossier.corpus.pipeline import place_evidence, recognise_entities

    text = path.read_text(encoding="utf-8")
    places = geoparse(text, lang, place_evidence(text, lang, recognise_entities(text, lang)))
    spec = ARTICLES[name]
    found = ids(places)
    assert spec["required"] <= found, f"missing {sorted(spec['required'] - found)}"
    assert found <= spec["required"] | spec["allowed"], f"unexpected {sorted(found - spec['required'] - spec['allowed'])}"


def test_ner_mislabels_do_not_override_the_gazetteer_blindly():
    text = ("Location: Vostochny Cosmodrome, Tsiolkovsky, Amur Oblast. Rector of Far Eastern Federal "
            "University Boris Korobets met Kim near the Pacific coast of North Korea.")

    def span(s, label):
        i = text.index(s)
        return Span(i, i + len(s), label)

    spans = [span("Tsiolkovsky", "PER"), span("Amur Oblast", "PER"),
             span("Rector of Far Eastern Federal University Boris Korobets", "ORG"),
             span("Kim", "LOC"), span("Pacific", "LOC"), span("North", "LOC")]
    got = {(p.text, p.place_id) for p in geoparse(text, "en", spans)}
    assert got == {("Vostochny Cosmodrome", "site:vostochny-cosmodrome"), ("Tsiolkovsky", "gn:6641869"),
                   ("Amur Oblast", "region:amur-oblast"), ("Far Eastern Federal University", "site:fefu-russky"),
                   ("North Korea", "country:KP")}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Heavy rain hit Himachal Pradesh and Jharkhand in India on Monday.", "en",
     ["region:IN-HP", "region:IN-JH", "country:IN"]),
    ("झारखंड और हिमाचल प्रदेश में बारिश हुई।", "hi", ["region:IN-JH", "region:IN-HP"]),
    ("전라남도 고흥에서 발사됐다.", "ko", ["region:KR-46"]),
    # a foreign region with its unit word glued on says what it is, with no country named
    ("로켓은 플로리다주에서 발사됐다.", "ko", ["region:US-FL"]),
    ("간쑤성에서 지진이 났다.", "ko", ["region:CN-GS"]),
    ("普京在莫斯科会见了金正恩。", "zh", ["gn:524901"]),
    ("プーチン大統領はモスクワで会談した。", "ja", ["gn:524901"]),
    ("日本の首相は東京で会見した。", "ja", ["country:JP", "gn:1850147"]),
    ("Владимир Путин прилетел в Пхеньян, а затем в Москве встретился с делегацией России.", "ru",
     ["gn:1871859", "gn:524901", "country:RU"]),
])
def test_regions_and_cjk_names_are_found(text, lang, expected):
    assert [p.place_id for p in geoparse(text, lang)][:len(expected)] == expected


@pytest.mark.parametrize("text", [
    "The Capital region and the Central bank said Punjab National Bank grew.",
    "Kerry Group reported results.",
    "双方讨论了合作。",  # 合作 "cooperation" is also the town of Hezuo
    "플로리다에서 열렸다.",  # the bare Korean name is Florida, US, and Florida, Uruguay
])
def test_region_and_two_character_names_need_context(text):
    lang = "zh" if "双" in text else "ko" if "플" in text else "en"
    assert [p.place_id for p in geoparse(text, lang)] == []


def test_declined_russian_words_are_not_places_by_accident():
    assert geoparse("Он сказал, что стороне нужно больше работы на заводе.", "ru") == []


# ---- general cues: unit words, "city of", a country before a Korean name ----------------------------------


def test_lower_case_unit_word_ends_a_region_name():
    places = geoparse("Floods hit Hubei province in central China.", "en")
    assert [(p.text, p.place_id) for p in places][:1] == [("Hubei province", "region:CN-HB")]


def test_a_longer_reading_refused_leaves_the_shorter_name():
    # "Texas city" is also the name of Texas City; in lower case it is not, but "Texas" still is
    assert "region:US-TX" in ids(geoparse("In the United States, Texas city councils met.", "en"))


def test_city_of_makes_a_small_town_certain():
    # Taupo (27,000 people) alone in a text about nothing nearby needs context ...
    assert geoparse("Crowds gathered in Taupo on Monday.", "en") == []
    # ... "the town of" says it is a place, even when an NER model called it an organisation
    text = "Crowds gathered in the lakeside town of Taupo on Monday."
    s = text.index("Taupo")
    assert ids(geoparse(text, "en", [Span(s, s + 5, "ORG")])) == {"gn:2181742"}


def test_korean_two_syllable_foreign_city_after_its_country():
    # 난징 (Nanjing) is two syllables: a foreign city so short needs its country right before it
    assert "gn:1799962" not in ids(geoparse("난징에서 회의가 열렸다.", "ko"))
    assert "gn:1799962" in ids(geoparse("중국 난징에서 회의가 열렸다.", "ko"))
    # ... or its country and a cue word ("the capital"), and then a bare mention counts as well
    assert "gn:250441" in ids(geoparse("요르단 수도 암만에서 결승전이 열렸다.", "ko"))
    assert "gn:250441" in ids(geoparse("요르단의 수도 암만에서 열린 결승전 뒤 암만의 거리는 조용했다.", "ko"))
    # ... or the unit 시 after it, where the article names its country (a world city of 1.2M people
    # or more needs neither: 양곤, Yangon, 5M)
    assert "gn:1298824" in ids(geoparse("미얀마 선거관리위원회는 양곤 시 45개 선거구를 발표했다.", "ko"))
    assert "gn:1298824" in ids(geoparse("선거관리위원회는 양곤 시 45개 선거구를 발표했다.", "ko"))
    # an everyday word that is also a city's reading stays a word (위해 = Weihai, "for")
    assert not ids(geoparse("중국 정부는 이를 위해 시 당국과 협력했다.", "ko")) - {"country:CN"}
    # a part of the country or a first-level region of it may stand between (우한 = Wuhan)
    assert "gn:1791247" in ids(geoparse("중국 중부 우한에서 시작됐다.", "ko"))
    assert "gn:1791247" in ids(geoparse("중국 중부 후베이성 우한에서 시작됐다.", "ko"))
    assert "gn:1791247" not in ids(geoparse("우한 지역에서 발생했다.", "ko"))


def test_a_place_named_right_next_to_another_settles_a_namesake_region():
    # 강원 is South Korea's Gangwon and North Korea's Kangwon; 춘천 lies in the first
    places = geoparse("태풍은 경남 해안에 상륙한 뒤 강원 춘천을 지나 북한으로 올라갈 것으로 예보됐다.", "ko")
    assert where(places, "강원")[0].place_id == "region:KR-42"
    assert where(places, "경남")[0].place_id == "region:KR-48"


def test_a_state_outranks_a_namesake_village_unless_the_text_says_town():
    assert "region:US-NV" in ids(geoparse("Storms hit Nevada in the United States.", "en"))
    # Nevada, Missouri (8,000 people), next to the state it lies in
    places = geoparse("Storms hit the town of Nevada in Missouri, United States.", "en")
    assert where(places, "Nevada")[0].place_id == "gn:4400203"


def test_cue_words_come_from_matching_rules():
    from dossier.geo.cues import cue_pattern

    pattern = cue_pattern({"en": ["port of"]}, {"hi": ["राजधानी"]})
    assert pattern.search("ships reached the Port of ")
    assert pattern.search("नेपाल की राजधानी ")
    assert not pattern.search("the airport of ")  # a cue is a whole word
    assert not cue_pattern(None).search("port of ")


def test_the_state_of_x_is_the_region_everywhere_in_the_article():
    # GeoNames lists "Oklahoma" among Oklahoma City's names; "the state of" says which is meant
    text = "A storm hit the U.S. state of Oklahoma on Monday. Oklahoma officials said Oklahoma City was spared."
    found = [(p.text, p.place_id) for p in geoparse(text, "en")]
    assert ("Oklahoma", "region:US-OK") in found
    assert all(pid == "region:US-OK" for t, pid in found if t == "Oklahoma")
    assert ("Oklahoma City", "gn:4544349") in found


def test_a_town_cue_overrides_the_common_word_list():
    # "Moore" is mostly a surname in the NER corpora (common_words.json); "the town of" says otherwise
    text = "The tornado devastated the town of Moore in Oklahoma. Roger Moore said."
    found = [(p.text, p.place_id) for p in geoparse(text, "en")]
    assert ("Moore", "gn:4542975") in found
    assert sum(t == "Moore" for t, _ in found) == 1  # the surname stays a surname


def test_a_hindi_town_no_list_names_in_devanagari_is_found_through_its_latin_name():
    text = "तुर्की के सोमा शहर में खदान हादसा हुआ।"
    spans = [Span(text.index(w), text.index(w) + len(w), "LOC") for w in ("तुर्की", "सोमा")]
    assert ("सोमा", "Soma") in {(p.text, p.name) for p in geoparse(text, "hi", spans)}
    # a demonym is no town ("रूसी", Russian), and without its country a sound-alike town is doubtful
    text = "रूसी सेना और सोमा ने कहा।"
    spans = [Span(0, 4, "LOC"), Span(text.index("सोमा"), text.index("सोमा") + 4, "LOC")]
    assert geoparse(text, "hi", spans) == []


def test_a_place_span_is_read_in_the_texts_language_first():
    # "Brasilia" is the Finnish name of Brazil; in English it is the city
    text = "Lula met Scholz in Brasilia on Monday."
    i = text.index("Brasilia")
    assert [p.place_id for p in geoparse(text, "en", [Span(i, i + 8, "LOC")])] == ["gn:3469058"]


def test_korean_world_cities_with_two_syllable_names_need_no_country_named():
    found = {(p.text, p.name) for p in geoparse("뉴욕과 런던, 도쿄에서 열렸고 서울에서도 열렸다.", "ko")}
    assert {("뉴욕", "New York City"), ("런던", "London"), ("도쿄", "Tokyo"), ("서울", "Seoul")} <= found
    # Sino-Korean readings of Chinese cities are everyday words: 위해 "for", 연대 "solidarity"
    assert geoparse("평화를 위해 연대 투쟁을 했다.", "ko") == []


def test_a_country_glued_to_the_noun_after_it_is_found_in_korean():
    found = {(p.text, p.place_id) for p in geoparse("미국정부는 실망했고 일본당국도 그랬다. 미국인 관광객.", "ko")}
    assert found == {("미국", "country:US"), ("일본", "country:JP")}  # not the American (미국인)


def test_a_demonym_names_its_country_for_the_places_of_a_story():
    from dossier.geo.demonyms import demonym_countries

    assert demonym_countries("the Greek debt crisis and American officials", "en") == {"GR": 1, "US": 1}
    assert not demonym_countries("그리스 부채 위기", "ko")  # Korean writes the country's name itself
    # Athens, Georgia is near Washington and in the United States; "Greek" puts Athens in Greece
    text = ("The IMF in Washington said the United States economy would grow. It downplayed the Greek debt "
            "crisis and Athens' bid for a new bailout.")
    assert "gn:264371" in ids(geoparse(text, "en"))


def test_korean_short_names_of_countries():
    assert "country:ZA" in ids(geoparse("남아공 수도 요하네스버그의 경기장에서 열렸다.", "ko"))
    assert "country:AF" in ids(geoparse("아프간 수도 카불에서 폭발이 일어났다.", "ko"))


def test_the_coronavirus_is_no_californian_town_unless_the_recogniser_says_so():
    # 코로나 / Corona: the virus since 2020, older than the NER corpora common_words.json counts
    assert all(p.name != "Corona" for p in geoparse("코로나 바이러스가 중국에서 확산되고 있다.", "ko"))
    assert all(p.name != "Corona" for p in geoparse("Corona cases rose in Italy.", "en"))
    # the town: tagged a place by the recogniser, and the article is about its surroundings
    text = "A fire near Corona, California, forced evacuations, officials in Los Angeles said."
    spans = [Span(text.index("Corona"), text.index("Corona") + 6, "LOC")]
    assert "Corona" in {p.name for p in geoparse(text, "en", spans)}
    assert "Corona" not in {p.name for p in geoparse(text, "en")}


def test_the_state_of_washington_is_the_state_not_the_district():
    # after a region cue the region of that very name wins over one the name is only an alias of
    found = [(p.text, p.place_id) for p in geoparse("A mudslide in the western U.S. state of Washington killed 24.", "en")]
    assert ("Washington", "region:US-WA") in found


@pytest.mark.parametrize(("text", "lang", "country"), [
    ("태풍이 타이완을 강타했다.", "ko", "country:TW"),  # CLDR has 대만; iso-codes 타이완, as VOA Korean writes it
    ("중화인민공화국 정부는 밝혔다.", "ko", "country:CN"),  # the official name
    ("रूसी संघ ने कहा।", "hi", "country:RU"),
])
def test_other_names_of_countries_from_iso_codes(text, lang, country):
    assert country in ids(geoparse(text, lang))


def test_a_near_miss_of_a_big_city_in_devanagari_needs_the_article_s_support():
    # अंडमान (Andaman, which the lists name only in full) is two letters from अम्मान (Amman)
    text = "राष्ट्रपति ने अंडमान में हुई नाव दुर्घटना पर शोक प्रकट किया। भारत के राष्ट्रपति ने कहा।"
    k = text.index("अंडमान")
    assert "gn:250441" not in ids(geoparse(text, "hi", [Span(k, k + len("अंडमान"), "LOC")]))
    assert "gn:250441" not in ids(geoparse(text, "hi"))


def test_a_hindi_or_korean_name_of_a_home_place_beats_a_foreign_transliteration():
    # GeoNames also spells Gujrat, Pakistan (a city of 390k) गुजरात; a Hindi text means the Indian state
    assert {p.place_id for p in geoparse("गुजरात के बनासकांठा में पटाखा फैक्ट्री में विस्फोट हुआ।", "hi")} \
        >= {"region:IN-GJ"}
    assert "gn:1177654" not in {p.place_id for p in geoparse("गुजरात में विस्फोट हुआ।", "hi")}


def test_a_continent_is_no_town_that_once_bore_its_name():
    # GeoNames: "Africa" is an old name of Mahdia, Tunisia; Asia a town in the Philippines
    text = "Leaders from South Africa and Europe met in Asia to launch the African free trade area."
    s = text.index("Asia")
    assert {p.place_id for p in geoparse(text, "en", [Span(s, s + 4, "LOC")])} == {"country:ZA"}
