"""Rules the gazetteer build derives names by (scripts/build_gazetteer.py), and their effect in text."""

from __future__ import annotations

from collections import Counter

from dossier.geo.places import geoparse
from scripts.gazetteer_build.admin1 import NE_LANGS, natural_earth_names
from scripts.gazetteer_build.countries import country_name_forms, name_forms
from scripts.gazetteer_build.keys import hindi_and_variants, hindi_open_o_variants, without_arabic_article
from scripts.gazetteer_build.korean import korean_province_short_forms, korean_reading, likeliest_reading
from scripts.gazetteer_build.regions import korean_province_pairs


def test_korean_province_short_forms_follow_the_news_rule():
    assert korean_province_short_forms("경기도") == ["경기"]
    assert korean_province_short_forms("경상남도") == ["경남"]
    assert korean_province_short_forms("충청북도") == ["충북"]
    assert korean_province_short_forms("평안남도") == ["평남"]
    assert korean_province_short_forms("제주특별자치도") == ["제주도"]
    # cities and special units have no such short form
    assert korean_province_short_forms("부산") == []
    assert korean_province_short_forms("세종시") == []


def test_short_forms_are_found_in_text_but_not_inside_words_or_as_ordinary_words():
    text = "한국 대표팀은 서울에서 열린 경기에서 일본을 이겼다. 충남대학교 연구진과 경남 지역 주민들이 참석했다."
    found = {(p.text, p.place_id) for p in geoparse(text, "ko")}
    assert ("경남", "region:KR-48") in found
    assert not any(t.startswith(("경기", "충남")) for t, _ in found)  # a match; a university


def test_the_built_gazetteer_marks_capitals():
    from dossier.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert gaz.get("gn:290030").capital  # Doha
    assert not gaz.get("gn:10168209").capital  # Doha, a village in Rajasthan


def _ne_row(**kw) -> dict:
    row = dict.fromkeys(NE_LANGS, "")
    row.update({"iso_a2": "US", "type_en": "State", "name": "", "iso_3166_2": "US-XX"})
    row.update(kw)
    return row


def test_natural_earth_names_add_the_korean_state_unit_and_bare_stems():
    names, stems = natural_earth_names(_ne_row(name_en="Florida", name_ko="플로리다", name_hi="फ़्लोरिडा",
                                               name_ru="Флорида", name_ja="フロリダ州"))
    assert {"플로리다", "플로리다주", "플로리다 주"} <= set(names["ko"])
    assert names["hi"] == ["फ़्लोरिडा"] and names["ru"] == ["Флорида"]
    assert stems == []
    # a unit written apart or glued where the country's usage glues it gives the bare name too
    _, stems = natural_earth_names(_ne_row(iso_a2="CN", type_en="Province", name_en="Gansu",
                                           name_ko="간쑤성", name_hi="गांसू प्रांत"))
    assert set(stems) == {"गांसू", "간쑤"}
    # ... but not where a final 성 is part of the name, and never a one-syllable stem
    _, stems = natural_earth_names(_ne_row(iso_a2="FR", type_en="Department", name_en="Aisne",
                                           name_ko="엔 현"))
    assert stems == []


def test_natural_earth_units_named_by_a_compass_point_keep_no_translations():
    names, stems = natural_earth_names(_ne_row(iso_a2="CM", type_en="Region", name_en="North",
                                               name_ko="북부", name_hi="उत्तर"))
    assert names == {} and stems == []
    names, _ = natural_earth_names(_ne_row(iso_a2="IS", type_en="Region", name_en="Northwestern Region",
                                           name_hi="उत्तर - पश्चिमी"))
    assert names == {}


def test_natural_earth_gives_foreign_regions_korean_and_hindi_names():
    found = {p.place_id for p in geoparse("미국 플로리다주와 텍사스 주에 허리케인이 상륙했다.", "ko")}
    assert {"region:US-FL", "region:US-TX"} <= found
    found = {p.place_id for p in geoparse("अमेरिका के फ़्लोरिडा राज्य में तूफ़ान आया।", "hi")}
    assert "region:US-FL" in found
    found = {p.place_id for p in geoparse("중국 간쑤성 지진", "ko")}
    assert "region:CN-GS" in found


def test_a_foreign_region_in_another_script_needs_its_country():
    # सभा is Sabha (Libya) and "assembly": alone it is no place, with Libya named it is
    assert not any(p.place_id == "region:LY-SB" for p in geoparse("विधान सभा की बैठक हुई।", "hi"))
    assert "region:LY-SB" in {p.place_id for p in geoparse("लीबिया के सभा शहर में झड़पें हुईं।", "hi")}
    # a region in its own country's script needs nothing (झारखंड)
    assert "region:IN-JH" in {p.place_id for p in geoparse("झारखंड में बारिश हुई।", "hi")}


def test_a_korean_name_read_back_from_its_romanisation_takes_the_likelier_syllables():
    syllables = Counter({"통": 50, "영": 80, "경": 90, "톤": 1})
    assert likeliest_reading(["톤경", "통영"], syllables) == "통영"
    # too close to call: no bare name
    assert likeliest_reading(["강능", "강릉"], Counter({"강": 9, "능": 5, "릉": 4})) is None
    assert korean_reading("Tongyeong", ["충무"], "KR", syllables) == ["통영"]
    assert korean_reading("Tongyeong", ["통영"], "KR", syllables) == []  # already has it
    assert korean_reading("Tongyeong", [], "JP", syllables) == []


def test_korean_counties_are_found_by_their_hangul_names():
    found = {(p.text, p.place_id) for p in geoparse("전남 고흥군과 경북 울진군에 비가 내렸다.", "ko")}
    assert ("고흥군", "region:KR-46-goheung-gun") in found and ("울진군", "region:KR-47-uljin-gun") in found


def test_cldr_names_the_uk_nations_natural_earth_does_not():
    found = {p.place_id for p in geoparse("영국 국민투표에서 잉글랜드와 스코틀랜드의 선택이 갈렸다.", "ko")}
    assert {"region:GB-ENG", "region:GB-SCT"} <= found
    found = {(p.text, p.place_id) for p in geoparse("한국 여객선이 인천을 떠나 제주도로 가던 중이었다.", "ko")}
    assert ("제주도", "region:KR-49") in found


def test_country_names_lose_brackets_and_keep_a_one_word_aside_only_when_it_is_a_name():
    assert name_forms("Myanmar (Burma)") == (["Myanmar"], "Burma")
    assert name_forms("홍콩(중국특별행정구)") == (["홍콩"], "중국특별행정구")
    assert name_forms("Korea, Republic of") == ([], None)
    assert name_forms("U.S.") == ([], None) and name_forms("USA") == ([], None)
    assert name_forms("St. Lucia") == (["St. Lucia"], None)
    forms = country_name_forms({
        "MM": {"en": {"Myanmar (Burma)"}}, "CG": {"en": {"Congo (Republic)"}},
        "CZ": {"en": {"Czech Republic"}}, "CN": {"es": {"China"}}, "HK": {"es": {"RAE de Hong Kong (China)"}}})
    assert forms["MM"]["en"] == ["Burma", "Myanmar"]
    assert forms["CG"]["en"] == ["Congo"]  # "Republic" is a word of another country's name
    assert forms["HK"]["es"] == ["RAE de Hong Kong"]  # "China" names another country


def test_older_and_other_country_names_are_found():
    found = {(p.text, p.place_id) for p in geoparse("터키 정부와 남아프리카공화국, 호주 대표가 만났다.", "ko")}
    assert {("터키", "country:TR"), ("남아프리카공화국", "country:ZA"), ("호주", "country:AU")} <= found
    found = {(p.text, p.place_id) for p in geoparse("म्यांमार और तुर्की के प्रतिनिधि मिले।", "hi")}
    assert {("म्यांमार", "country:MM"), ("तुर्की", "country:TR")} <= found
    found = {p.place_id for p in geoparse("Refugees fled Burma for Thailand.", "en")}
    assert "country:MM" in found
    assert not geoparse("उन्होंने चेक से भुगतान किया।", "hi")  # a cheque, not Czechia


def test_hindi_names_with_the_open_o_are_also_found_as_written_with_aa():
    assert hindi_open_o_variants({"hi": ["जॉर्डन"], "en": ["Jordan"]}) == ["जार्डन"]
    assert {p.place_id for p in geoparse("जार्डन के शाह ने कहा।", "hi")} == {"country:JO"}


def test_arab_places_are_also_named_without_the_article():
    assert without_arabic_article({"en": ["Al Anbar", "Al-Hasakah Province"], "ar": ["الأنبار"]}, "IQ") \
        == ["Anbar", "Hasakah Province"]
    assert without_arabic_article({"en": ["El Paso"]}, "US") == []  # not an Arab country
    assert without_arabic_article({"en": ["Al Kut"]}, "IQ") == []  # too short a name left
    text = "Islamic State militants seized Ramadi, the capital of Anbar province."
    assert ("Anbar", "region:IQ-AN") in {(p.text, p.place_id) for p in geoparse(text, "en")}


def test_the_old_undivided_korean_provinces_are_regions_between_their_halves():
    halves = [{"id": "region:KP-05", "cc": "KP", "name": "South Hwanghae", "lat": 38.0, "lon": 125.0,
               "names": {"ko": ["황해남도", "황남"]}},
              {"id": "region:KP-06", "cc": "KP", "name": "North Hwanghae", "lat": 39.0, "lon": 126.0,
               "names": {"ko": ["황해북도"]}},
              {"id": "region:KP-04", "cc": "KP", "name": "Chagang", "lat": 40.0, "lon": 126.0,
               "names": {"ko": ["자강도"]}}]
    (pair,) = korean_province_pairs(halves)
    assert pair["id"] == "region:KP-05-06" and pair["names"]["ko"] == ["황해도"]
    assert (pair["lat"], pair["lon"]) == (38.5, 125.5) and pair["name"] == "Hwanghae"
    found = {(p.text, p.place_id) for p in geoparse("북한 황해도와 경상도에 비가 내렸다.", "ko")}
    assert {("황해도", "region:KP-05-06"), ("경상도", "region:KR-47-48")} <= found


def test_hindi_names_joined_by_aur_are_also_found_with_evam_and_va():
    assert hindi_and_variants({"hi": ["जम्मू और कश्मीर"]}) == ["जम्मू एवं कश्मीर", "जम्मू व कश्मीर"]
    assert {p.place_id for p in geoparse("जम्मू एवं कश्मीर में बर्फबारी हुई।", "hi")} == {"region:IN-JK"}


def test_airports_are_found_by_their_city_in_korean_and_hindi_and_bases_by_their_old_name():
    # derived from "Pyongyang International Airport", "Gimpo International Airport" (GeoNames: Gimpo-si)
    assert [p.place_id for p in geoparse("그는 평양국제공항에 도착했다.", "ko")] == ["site:airport-fnj"]
    assert [p.place_id for p in geoparse("김포공항에서 출발했다.", "ko")] == ["site:airport-gmp"]
    # renamed Vandenberg Space Force Base in 2021; airportsdata has only the new name
    found = {p.place_id for p in geoparse("A rocket lifted off from Vandenberg Air Force Base in California.", "en")}
    assert "site:airport-vbg" in found
