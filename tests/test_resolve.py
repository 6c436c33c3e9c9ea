"""Disambiguation (dossier.geo.resolve) on made-up places, so each rule is seen alone."""

from __future__ import annotations

from dossier.geo.gazetteer import Candidate, GazPlace
from dossier.geo.resolve import Mention, resolve


def city(pid: str, cc: str, lat: float, lon: float, pop: int) -> GazPlace:
    return GazPlace(id=pid, kind="city", name=pid, lat=lat, lon=lon, cc=cc, population=pop)


def country(cc: str, lat: float, lon: float) -> GazPlace:
    return GazPlace(id=f"country:{cc}", kind="country", name=cc, lat=lat, lon=lon, cc=cc, population=10**7)


def mention(key: str, *places: GazPlace, weak: bool = False) -> Mention:
    return Mention(0, len(key), key, [Candidate(p, key, "en", 1.0, "exact") for p in places], weak=weak)


def test_a_place_chosen_in_the_first_pass_settles_a_namesake_in_the_second():
    # "Lago" is a big city far away or a small port next to the one "Porto" most likely means.
    porto_here, porto_far = city("porto-aa", "AA", 10.0, 10.0, 900_000), city("porto-cc", "CC", 50.0, 80.0, 200_000)
    lago_far, lago_here = city("lago-bb", "BB", -30.0, -60.0, 90_000), city("lago-aa", "AA", 10.1, 10.1, 40_000)
    porto, lago = mention("porto", porto_here, porto_far), mention("lago", lago_far, lago_here)
    resolve([porto, lago])
    assert porto.chosen.place.id == "porto-aa"
    assert lago.chosen.place.id == "lago-aa"


def test_a_name_is_no_evidence_for_its_own_namesakes():
    # the first pass picks the big "Capitol"; the second must not lift the town beside it
    big, beside = city("capitol-big", "AA", 0.0, 0.0, 700_000), city("capitol-town", "AA", 0.1, 0.1, 650_000)
    m = mention("capitol", big, beside)
    resolve([m])
    assert m.chosen.place.id == "capitol-big"


def test_a_country_name_that_is_also_a_town_names_the_country():
    # "Ruritania" is a country and a GeoNames name of a town abroad: the country counts as named,
    # so the Ruritanian "Port Royal" wins over a bigger namesake elsewhere.
    ruritania = country("RR", 40.0, 20.0)
    namesake_town = city("ruritania-town", "TT", 0.0, 0.0, 10_000)
    here, bigger = city("port-royal-rr", "RR", 40.5, 20.5, 60_000), city("port-royal-zz", "ZZ", -20.0, 140.0, 200_000)
    name, port = mention("ruritania", ruritania, namesake_town), mention("port royal", bigger, here)
    resolve([name, port])
    assert name.chosen.place.id == "country:RR"
    assert port.chosen.place.id == "port-royal-rr"


def test_a_doubtful_name_does_not_support_itself():
    town = GazPlace(id="region:AA-1", kind="region", name="Capital", lat=0.0, lon=0.0, cc="AA")
    m = mention("capital region", town, weak=True)
    resolve([m])
    assert m.chosen is None
    # ... but another mention of its country does
    m = mention("capital region", town, weak=True)
    resolve([m, mention("aa", country("AA", 1.0, 1.0))])
    assert m.chosen.place.id == "region:AA-1"


def test_a_region_weighs_like_a_mid_size_town_against_its_namesakes():
    region = GazPlace(id="region:AA-N", kind="region", name="Nevado", lat=0.0, lon=0.0, cc="AA")
    village, seat = city("nevado-village", "AA", 5.0, 5.0, 8_000), city("nevado-seat", "AA", 0.2, 0.2, 90_000)
    m = mention("nevado", village, region)
    resolve([m])
    assert m.chosen.place.id == "region:AA-N"  # a state, not a village
    m = mention("nevado", seat, region)
    resolve([m])
    assert m.chosen.place.id == "nevado-seat"  # the town the region is named after


def test_a_country_name_means_the_country_even_where_the_article_is_about_the_towns_country():
    # "Brasilia" is a country and a small town in a country the article names, next to a place it
    # names: the town gets every bonus of context and still must not win the country's own name.
    home, brasilia = country("HH", 40.0, -90.0), country("BZ", -10.0, -50.0)
    town = city("brasilia-town-hh", "HH", 39.5, -87.1, 8_000)
    anchor = city("terre-haute-hh", "HH", 39.47, -87.41, 60_000)
    name = mention("brasilia", brasilia, town)
    resolve([mention("hh", home), mention("terre haute", anchor), name])
    assert name.chosen.place.id == "country:BZ"


def test_a_capital_outranks_a_village_namesake_in_a_named_country():
    home = country("HH", 20.0, 77.0)
    capital = GazPlace(id="doha-qq", kind="city", name="Doha", lat=25.3, lon=51.5, cc="QQ",
                       population=345_000, capital=True)
    village = city("doha-hh", "HH", 27.7, 76.9, 7_600)
    name = mention("doha", capital, village)
    resolve([mention("hh", home), name])
    assert name.chosen.place.id == "doha-qq"
    # without the capital flag a namesake town of the named country would win, if not dwarfed by it
    plain = GazPlace(id="doha-qq", kind="city", name="Doha", lat=25.3, lon=51.5, cc="QQ", population=345_000)
    town = city("doha-hh", "HH", 27.7, 76.9, 60_000)
    name = mention("doha", plain, town)
    resolve([mention("hh", home), name])
    assert name.chosen.place.id == "doha-hh"


def test_a_world_city_outranks_a_namesake_town_many_times_smaller_in_a_named_country():
    # Vienna, Virginia (16k) beside Washington in a US-centred story is still not "Vienna"
    us = country("US", 39.8, -98.6)
    washington = GazPlace(id="washington", kind="city", name="Washington", lat=38.9, lon=-77.0, cc="US",
                          population=690_000, capital=True)
    world = GazPlace(id="vienna-at", kind="city", name="Vienna", lat=48.2, lon=16.4, cc="AT",
                     population=1_690_000, capital=True)
    town = city("vienna-va", "US", 38.9, -77.3, 16_000)
    name = mention("vienna", world, town)
    resolve([mention("us", us), mention("washington", washington), name])
    assert name.chosen.place.id == "vienna-at"
    # the town's own region named beside it places it
    virginia = GazPlace(id="region:US-VA", kind="region", name="Virginia", lat=37.5, lon=-78.8, cc="US")
    name = mention("vienna", world, town)
    resolve([mention("us", us), mention("virginia", virginia), name])
    assert name.chosen.place.id == "vienna-va"


def test_a_small_capital_gets_no_bonus_over_a_bigger_namesake():
    tiny = GazPlace(id="victoria-sc", kind="city", name="Victoria", lat=-4.6, lon=55.5, cc="SC",
                    population=23_000, capital=True)
    bigger = city("victoria-ca", "CA", 48.4, -123.4, 290_000)
    name = mention("victoria", tiny, bigger)
    resolve([name])
    assert name.chosen.place.id == "victoria-ca"


def region(pid: str, cc: str, lat: float, lon: float) -> GazPlace:
    return GazPlace(id=pid, kind="region", name=pid, lat=lat, lon=lon, cc=cc)


def test_a_stray_alternate_name_of_a_far_town_yields_to_the_region():
    # GeoNames gives Valle Vista, California, the alternate name "Florida": beside California places
    # the town would win on proximity, but the name is the state's
    state = region("florida", "US", 28.0, -81.7)
    town = GazPlace(id="valle-vista", kind="city", name="Valle Vista", lat=33.7, lon=-116.9, cc="US", population=14_578)
    ca = mention("california", region("california", "US", 37.0, -120.0))
    fl = Mention(0, 7, "florida", [Candidate(town, "florida", "*", 1.0, "exact"),
                                   Candidate(state, "florida", "en", 1.0, "exact")])
    resolve([ca, fl])
    assert fl.chosen.place.id == "florida"


def test_a_doubtful_name_written_twice_does_not_support_itself():
    # "Falcon 9" twice in a SpaceX report: the only Falcón is a region of Venezuela, which nothing else names
    falcon = region("falcon", "VE", 11.0, -69.0)
    first, second = mention("falcon", falcon, weak=True), mention("falcon", falcon, weak=True)
    florida = mention("florida", region("florida", "US", 28.0, -81.7))
    resolve([first, second, florida])
    assert first.chosen is None and second.chosen is None


def test_a_territory_that_is_a_country_and_another_countrys_region_is_the_country():
    # Puerto Rico: ISO's PR, and a US "state" in the regions' source; the article names the US
    pr = GazPlace(id="country:PR", kind="country", name="PR", lat=18.2, lon=-66.5, cc="PR", population=3 * 10**6,
                  bbox=(-67.3, 17.9, -65.2, 18.6))
    as_region = region("region:US-PR", "US", 18.22, -66.59)
    us = mention("us", country("US", 39.0, -98.0))
    puerto = mention("puerto rico", pr, as_region)
    resolve([us, puerto])
    assert puerto.chosen.place.id == "country:PR"


def test_a_region_named_like_a_country_needs_a_place_near_it_not_only_its_country():
    # "the African Union summit in Niger" in a report that also names Nigeria: the country Niger, not
    # Nigeria's Niger State; "Georgia" beside Atlanta: the US state
    niger = GazPlace(id="country:NE", kind="country", name="NE", lat=17.6, lon=8.1, cc="NE", population=2 * 10**7,
                     bbox=(0.2, 11.7, 16.0, 23.5))
    niger_state = region("region:NG-NI", "NG", 9.9, 5.6)
    nigeria, m = mention("nigeria", country("NG", 9.1, 8.7)), mention("niger", niger, niger_state)
    resolve([nigeria, m])
    assert m.chosen.place.id == "country:NE"
    georgia = GazPlace(id="country:GE", kind="country", name="GE", lat=42.3, lon=43.4, cc="GE", population=4 * 10**6,
                       bbox=(40.0, 41.0, 46.7, 43.6))
    atlanta = mention("atlanta", city("atlanta", "US", 33.75, -84.39, 500_000))
    ga = mention("georgia", georgia, region("region:US-GA", "US", 32.7, -83.4))
    resolve([mention("us", country("US", 39.0, -98.0)), atlanta, ga])
    assert ga.chosen.place.id == "region:US-GA"
