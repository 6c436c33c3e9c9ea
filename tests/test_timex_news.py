"""Dates as news and press releases write them, beyond TimeBank's wording: English news sentences
written for this table (elections, earthquakes, launches, state visits, awards), Hindi and Korean
ranges and dated phrases, numeric dates in Chinese, Japanese and Russian, and what TimeML does not
annotate (ages). Each row: text, publication date, a surface the expression contains, its type and value."""

import datetime as dt

import pytest

from dossier.timex.tag import tag


def found(text: str, lang: str, dct: str, surface: str):
    """The one timex whose span holds `surface`."""
    start = text.index(surface)
    hits = [t for t in tag(text, lang, dt.date.fromisoformat(dct))
            if t.start <= start and start + len(surface) <= t.end]
    assert len(hits) == 1, [(t.text, t.value) for t in tag(text, lang, dt.date.fromisoformat(dct))]
    return hits[0]


EN_NEWS = [
    # "since" points back, whatever the clause's verb: this March, not next
    ("They will join two Russians who have been at the station since March.", "2014-05-28", "March", "DATE", "2014-03"),
    ("Taiwan voted on Saturday in a presidential election.", "2024-01-13", "Saturday", "DATE", "2024-01-13"),
    ("The quake struck on the night of September 10.", "2023-09-12", "the night of September 10", "TIME", "2023-09-10TNI"),
    ("The 6.8-magnitude earthquake hit late Friday night.", "2023-09-09", "Friday night", "TIME", "2023-09-08TNI"),
    ("Rescuers worked through the night on Sunday.", "2023-09-11", "Sunday", "DATE", "2023-09-10"),
    ("Polls closed at 4 p.m. local time on Saturday.", "2024-01-14", "4 p.m.", "TIME", "2024-01-13T16:00"),
    # a clock in another time zone may already be on the day after the report's (Friday): that day, not a week ago
    ("The quake struck Nepal at 11:47 p.m. local time Saturday.", "2015-04-24", "11:47 p.m.", "TIME", "2015-04-25T23:47"),
    ("The blast happened at 9 p.m. on Saturday.", "2015-04-24", "9 p.m.", "TIME", "2015-04-18T21:00"),
    ("The rocket lifted off at 6:24 p.m. on May 25, 2023.", "2023-05-26", "May 25", "TIME", "2023-05-25T18:24"),
    # the infinitive of a schedule takes the tense of the verb before it: last Saturday, in a Sunday report
    ("It was initially scheduled to begin on Saturday, but was delayed.", "2020-11-15", "Saturday", "DATE", "2020-11-14"),
    ("The talks begin on Saturday.", "2020-11-15", "Saturday", "DATE", "2020-11-21"),
    ("The launch had been postponed by a day.", "2023-05-25", "a day", "DURATION", "P1D"),
    ("Officials said the visit would take place from April 18 to 21.", "2023-04-10", "April 18 to 21", "DATE", "2023-04-18"),
    ("The summit is scheduled for next month.", "2023-04-10", "next month", "DATE", "2023-05"),
    ("The ceasefire has held for nearly three weeks.", "2023-04-10", "three weeks", "DURATION", "P3W"),
    ("A 44-year-old man was arrested on Monday.", "2024-01-14", "Monday", "DATE", "2024-01-08"),
    ("The president, who took office in May 2022, will serve a single five-year term.", "2024-01-14", "May 2022", "DATE", "2022-05"),
    ("The president will serve a single five-year term.", "2024-01-14", "five-year", "DURATION", "P5Y"),
    ("Lai will be inaugurated on May 20.", "2024-01-14", "May 20", "DATE", "2024-05-20"),
    ("The results were announced early Sunday.", "2024-01-15", "Sunday", "DATE", "2024-01-14"),
    ("Voter turnout was 71.9% this year, down from 74.9% in 2020.", "2024-01-14", "2020", "DATE", "2020"),
    ("The death toll rose to 2,946 by Tuesday evening.", "2023-09-13", "Tuesday evening", "TIME", "2023-09-12TEV"),
    ("Aftershocks continued for days.", "2023-09-13", "days", "DURATION", "PXD"),
    ("It was the deadliest quake in Morocco in more than six decades.", "2023-09-10", "six decades", "DURATION", "P60Y"),
    ("The king declared three days of national mourning.", "2023-09-10", "three days", "DURATION", "P3D"),
    ("The state visit, the first in 20 years, began on Tuesday.", "2023-04-19", "Tuesday", "DATE", "2023-04-18"),
    ("The minister arrived in New Delhi on Wednesday morning.", "2023-04-20", "Wednesday morning", "TIME", "2023-04-19TMO"),
    ("The two leaders last met in March.", "2023-04-20", "March", "DATE", "2023-03"),
    ("The agreement runs until the end of 2025.", "2023-04-20", "2025", "DATE", "2025"),
    ("The launch was the third since 2022.", "2023-05-26", "2022", "DATE", "2022"),
    ("The satellite will operate for two years.", "2023-05-26", "two years", "DURATION", "P2Y"),
    ("South Korea plans another launch in 2025.", "2023-05-26", "2025", "DATE", "2025"),
    ("The first attempt, on Oct. 21, 2021, failed to reach orbit.", "2023-05-26", "Oct. 21, 2021", "DATE", "2021-10-21"),
    ("The ceremony was held on Thursday, Jan. 11.", "2024-01-14", "Jan. 11", "DATE", "2024-01-11"),
    ("Campaigning ended at midnight on Friday.", "2024-01-14", "Friday", "TIME", "2024-01-12T24:00"),
    ("The vote count finished two hours later.", "2024-01-14", "two hours", "DURATION", "PT2H"),
    ("Tensions have risen in recent years.", "2024-01-14", "recent years", "DATE", "PAST_REF"),
    ("The island has been governed separately since 1949.", "2024-01-14", "1949", "DATE", "1949"),
    ("The awards were presented on Sunday night in Los Angeles.", "2024-01-08", "Sunday night", "TIME", "2024-01-07TNI"),
    ("The ceremony will be broadcast live at 8 p.m. ET.", "2024-01-07", "8 p.m.", "TIME", "2024-01-07T20:00"),
    ("The film, released last year, won five awards.", "2024-01-08", "last year", "DATE", "2023"),
    ("The festival runs through Feb. 4.", "2024-01-08", "Feb. 4", "DATE", "2024-02-04"),
    ("Rescue teams arrived within 24 hours.", "2023-02-07", "24 hours", "DURATION", "PT24H"),
    ("The earthquake struck at 4:17 a.m. on Feb. 6.", "2023-02-07", "Feb. 6", "TIME", "2023-02-06T04:17"),
    # a visit in progress "ends on Friday": the coming Friday, not the last one
    ("The 10-day visit ends on Friday.", "2023-04-18", "Friday", "DATE", "2023-04-21"),
    ("A 72-year-old woman was rescued after 100 hours.", "2023-02-10", "100 hours", "DURATION", "PT100H"),
    ("Voting begins on Saturday morning.", "2024-01-10", "Saturday morning", "TIME", "2024-01-13TMO"),
    # a plan told in the past still points ahead (TempEval-3 AQUAINT dev errors, new sentences)
    ("The delegation planned to leave Kabul on Thursday for Islamabad.", "2023-09-13", "Thursday", "DATE", "2023-09-14"),
    ("Supporters planned a rally on Saturday and were planning to march on Monday.", "2024-01-12", "Monday", "DATE", "2024-01-15"),
    ("Supporters planned a rally on Saturday and were planning to march on Monday.", "2024-01-12", "Saturday", "DATE", "2024-01-13"),
    ("The rescue team could arrive as soon as Tuesday, officials said.", "2023-09-11", "Tuesday", "DATE", "2023-09-12"),
    # "is heard" is a present passive, not a past report; "was held" stays past
    ("The appeal is heard in May at the Supreme Court.", "2024-03-20", "May", "DATE", "2024-05"),
    ("The festival was held in May.", "2024-03-20", "May", "DATE", "2023-05"),
    # "daily"/"weekly" as adverbs are TimeML SETs
    ("Protesters have gathered almost daily outside the embassy.", "2024-01-12", "daily", "SET", "P1D"),
    ("Police review the footage on a daily basis.", "2024-01-12", "daily", "SET", "P1D"),
    ("The cabinet now meets weekly.", "2024-01-12", "weekly", "SET", "P1W"),
    # a present copula before a weekday is the coming one
    ("The run-off vote is on Monday.", "2024-01-17", "Monday", "DATE", "2024-01-22"),
    ("The state funeral is Friday.", "2024-01-17", "Friday", "DATE", "2024-01-19"),
    # a fronted "On <day>," / "In <month>," dates the main clause: its verb, however far after the comma,
    # gives the tense (AQUAINT dev errors, new sentences)
    ("On Tuesday, the National Union of Secondary School Teachers and Lecturers of the province plans to hold a news conference to screen an advertisement made last week.", "2023-10-16", "Tuesday", "DATE", "2023-10-17"),
    ("In January, a week after the 25th anniversary of the Supreme Court ruling on the case, a bomb in Birmingham, Ala., killed a guard.", "2023-10-16", "January", "DATE", "2023-01"),
    ("Until Thursday, the police had not named him as a suspect.", "2023-10-20", "Thursday", "DATE", "2023-10-19"),
    # ... skipping the verbs of a relative clause between the comma and the main verb
    ("On Friday, lawyers for the family, who had asked for more time, will file an appeal.", "2000-04-12", "Friday", "DATE", "2000-04-14"),
    ("On Tuesday, the man who was arrested last year will appear in court.", "2000-04-12", "Tuesday", "DATE", "2000-04-18"),
    ("In June, the company, which was founded in 1950, plans to open a new plant.", "2000-04-12", "June", "DATE", "2000-06"),
    ("On Monday, officials said, the talks will resume in Geneva.", "2000-04-12", "Monday", "DATE", "2000-04-17"),
    # ... and a plan told in the past dates the planning when the day comes before it
    ("On Friday, the government planned to pay the first compensation claims.", "2023-10-18", "Friday", "DATE", "2023-10-13"),
    ("The government planned to pay the first claims on Friday.", "2023-10-18", "Friday", "DATE", "2023-10-20"),
    # "annually" after a verb is a recurring event (a rate after a quantity is not: see below)
    ("Similar ceremonies are held here annually for the national poet.", "2000-01-28", "annually", "SET", "P1Y"),
    # "is planned for" / "is slated for" is a plan like "is scheduled for"
    ("A large rally is planned for Saturday morning in the capital.", "2000-04-12", "Saturday morning", "TIME", "2000-04-15TMO"),
    ("The run-off is slated for Tuesday.", "2000-04-12", "Tuesday", "DATE", "2000-04-18"),
    # "the early hours of Thursday morning" is one expression
    ("Police arrested him in the early hours of Thursday morning.", "2000-04-12", "Thursday morning", "TIME", "2000-04-06TMO"),
    # a deadline given as a time, a hope and "as early as" point ahead; a deadline that passed does not
    ("The agency set a deadline of 2 p.m. Thursday for the family to hand over the boy.", "2000-04-12", "2 p.m. Thursday", "TIME", "2000-04-13T14:00"),
    ("The deadline passed without incident at 9 a.m. Thursday.", "2000-04-12", "9 a.m. Thursday", "TIME", "2000-04-06T09:00"),
    ("The father hopes to return home Sunday.", "2000-04-12", "Sunday", "DATE", "2000-04-16"),
    # "the deadline for reporting" is no plan, and "said on Friday ... was expected to" dates the saying
    ("The company, which asked for a delay from the August 15 deadline for reporting results, closed on Tuesday at 5,800.", "1996-08-28", "Tuesday", "DATE", "1996-08-27"),
    ("The company said in a statement on Friday the deal was expected to be finalized in September.", "1996-08-28", "Friday", "DATE", "1996-08-23"),
    ("Officials said the two could be reunited as early as Thursday.", "2000-04-12", "Thursday", "DATE", "2000-04-13"),
    # recurring seasons and "every other week" are SETs; "the first quarter" is Q1 like "the third quarter"
    ("The festival is held every summer in the old town.", "2000-04-12", "every summer", "SET", "XXXX-SU"),
    ("The council meets every other week.", "2000-04-12", "every other week", "SET", "P2W"),
    ("In the first quarter, sales rose 5 percent.", "2000-04-12", "the first quarter", "DATE", "2000-Q1"),
    # "spring" and "fall" after "in the" / "by the" are seasons
    ("Elections are due in the spring.", "2024-01-17", "the spring", "DATE", "2024-SP"),
    ("Troops will leave by the fall.", "2024-01-17", "the fall", "DATE", "2024-FA"),
    # "now" without the comma is the present time
    ("Now the court has ordered a new trial.", "1996-08-30", "Now", "DATE", "PRESENT_REF"),
    # "the first two quarters of 1990" is the year's first half; "the past two quarters" stays a duration
    ("The slump will last through at least the first two quarters of 1990.", "1989-10-26", "two quarters", "DATE", "1990-H1"),
    ("Sales fell in the last two quarters of the year.", "1989-10-26", "two quarters", "DATE", "1989-H2"),
    ("Sales fell in the past two quarters.", "1989-10-26", "two quarters", "DURATION", "P2Q"),
    # "vs.", a title or an initial before a name does not end the sentence: the fronted month keeps its verb
    ("In January, a week after the anniversary of Roe vs. Wade, a bomb killed a guard.", "1998-10-25", "January", "DATE", "1998-01"),
    ("In May, George W. Bush won the primary in his home state.", "2000-03-01", "May", "DATE", "1999-05"),
    # a quarter as a period is still one
    ("Sales rose in the first quarter of the year.", "2000-04-12", "the first quarter", "DATE", "2000-Q1"),
    # a finite past verb after a future cue starts a clause of its own: the year ended in the past March
    ("The chain to be sold had sales of $2 billion in the year ended March 31.", "1989-11-01", "March 31", "DATE", "1989-03-31"),
    ("The bonus would be paid at a date to be set in January.", "1989-11-01", "January", "DATE", "1990-01"),
]


@pytest.mark.parametrize(("text", "dct", "surface", "typ", "value"), EN_NEWS, ids=[r[0][:40] for r in EN_NEWS])
def test_en_news_wording(text, dct, surface, typ, value):
    t = found(text, "en", dct, surface)
    assert (t.type, t.value) == (typ, value)


@pytest.mark.parametrize("text", [
    "A 44-year-old man was arrested.",
    "The survivors, aged 44 and 9, were pulled from the rubble.",
    "The 72-year-old leader spoke.",
    "Rescuers found a four-year-old boy alive.",
    "A 3-month-old baby was rescued.",
    "The victim was 44 years old.",
])
def test_en_ages_are_not_durations(text):
    assert tag(text, "en", dt.date(2023, 2, 10)) == []


@pytest.mark.parametrize("text", [
    "Average daily volume was 133 million shares.",     # the adjective before a noun is not a SET
    "The state-run daily Granma printed the letter.",
    "Police arrested him at this march in the capital.",  # a lowercase "march" is the noun
    "In the fall of the regime, many fled.",            # the fall of something is not autumn
    "Villagers drew water from the spring.",
    "Revenue should increase by 20% annually.",          # a rate, not a recurring event
    "The plant would produce about 10,000 units annually.",
    "He told CBS's ''60 Minutes'' about the ruling.",    # a programme's title, not a duration
    "Police watched the crowd at the annual March for Life on Capitol Hill.",  # a named march
    "Now, he says, the plan looks like a mistake.",     # a sentence opened by "Now," turns the discourse
    "Funds hold more than a quarter of the high-yield market.",  # a fraction, not three months
    "The bank raised its rate by a quarter of a percentage point.",
    "The quarter-to-quarter comparison was helped by a one-time gain.",  # a compound adjective
])
def test_en_words_that_are_not_times(text):
    assert tag(text, "en", dt.date(2023, 2, 10)) == []


def test_en_the_verb_last_is_not_in_the_duration():
    tags = tag("The trial is expected to last three weeks.", "en", dt.date(2000, 4, 12))
    assert [(t.text, t.value) for t in tags] == [("three weeks", "P3W")]
    tags = tag("Sales rose over the last three years.", "en", dt.date(2000, 4, 12))
    assert [(t.text, t.value) for t in tags] == [("the last three years", "P3Y")]


def test_en_the_day_after_an_event_counts_from_the_day_talked_about():
    text = "The doctor was shot on Friday, Oct. 23. Two men came to his house the day after his death."
    assert [(t.text, t.value) for t in tag(text, "en", dt.date(1998, 11, 21))][-1] == ("the day", "1998-10-24")
    # an appositive names the date before it: "Nov. 3, the day before ..." is Nov. 3
    text = "He was last seen Nov. 3, the day before the authorities issued a warrant."
    assert [(t.text, t.value) for t in tag(text, "en", dt.date(1998, 11, 21))][-1] == ("the day", "1998-11-03")


def test_en_a_list_of_years_is_every_year():
    # "1995" after "1994, " is the next year of a list, not the tail of a number ("3,000 1995" stays out)
    tags = tag("Similar attacks took place in 1994, 1995 and 1997.", "en", dt.date(1999, 4, 19))
    assert [(t.text, t.value) for t in tags] == [("1994", "1994"), ("1995", "1995"), ("1997", "1997")]


def test_en_a_table_of_numbers_holds_no_years():
    assert tag("Sydney 21 15 1 5 2067 1687 122.5 62", "en", dt.date(1996, 8, 28)) == []


def test_en_a_pair_of_days_is_two_dates():
    # "April 24 and 25" is two days: TimeML tags each; a dash or "to" stays one range
    tags = tag("The summit will be held in Washington on April 24 and 25.", "en", dt.date(1999, 2, 10))
    assert [(t.text, t.value) for t in tags] == [("April 24", "1999-04-24"), ("25", "1999-04-25")]
    tags = tag("The summit will be held on April 24-25.", "en", dt.date(1999, 2, 10))
    assert [(t.text, t.value, t.value_end) for t in tags] == [("April 24-25", "1999-04-24", "1999-04-25")]
    assert tag("The survivors, aged 44 and 9, were rescued.", "en", dt.date(1999, 2, 10)) == []
    # "between July 17 and 21" is a stretch of days, one range
    tags = tag("The survey questioned 2,496 people between July 17 and 21.", "en", dt.date(1996, 8, 28))
    assert [(t.text, t.value, t.value_end) for t in tags] == [("July 17 and 21", "1996-07-17", "1996-07-21")]


def test_en_the_age_of_a_thing_stays_a_duration():
    assert [t.value for t in tag("The 8-month-old truce collapsed.", "en", dt.date(2023, 2, 10))] == ["P8M"]


HI_KO = [
    ("hi", "राष्ट्रपति 18 से 21 अप्रैल, 2023 तक मेघालय और असम की यात्रा पर रहेंगी।", "2023-04-14",
     "18 से 21 अप्रैल, 2023", "DATE", "2023-04-18", "2023-04-21"),
    ("hi", "प्रधानमंत्री 20-21 अप्रैल को दौरे पर रहेंगे।", "2023-04-14", "20-21 अप्रैल", "DATE", "2023-04-20", "2023-04-21"),
    ("hi", "वह 17 अप्रैल से 19 अप्रैल तक रहेंगे।", "2023-04-14", "17 अप्रैल से 19 अप्रैल", "DATE", "2023-04-17", "2023-04-19"),
    ("hi", "वह 30 अप्रैल से 2 मई तक रहेंगे।", "2023-04-14", "30 अप्रैल से 2 मई", "DATE", "2023-04-30", "2023-05-02"),
    ("hi", "यह सम्मेलन 15 अप्रैल, 2023 को नई दिल्ली में आयोजित किया जाएगा।", "2023-04-14", "15 अप्रैल, 2023", "DATE", "2023-04-15", None),
    # press-release datelines: day first, numeric, or the day run into the month
    ("hi", "नई दिल्ली, 26-08-2016 राष्ट्रपति ने पुरस्कार प्रदान किए।", "2016-08-26", "26-08-2016", "DATE", "2016-08-26", None),
    ("hi", "राष्ट्रपति भवन : 02.07.2013 राष्ट्रपति ने कहा।", "2013-07-02", "02.07.2013", "DATE", "2013-07-02", None),
    ("hi", "राष्ट्रपति भवन : 26अक्तूबर, 2015 राष्ट्रपति ने कहा।", "2015-10-26", "26अक्तूबर, 2015", "DATE", "2015-10-26", None),
    ("hi", "भूकंप 6 फरवरी 2023 की सुबह आया था।", "2023-02-07", "6 फरवरी 2023 की सुबह", "TIME", "2023-02-06TMO", None),
    ("hi", "राष्ट्रपति 20 अप्रैल की शाम को गुवाहाटी पहुंचेंगी।", "2023-04-14", "20 अप्रैल की शाम", "TIME", "2023-04-20TEV", None),
    ("hi", "मतदान 7 मई को होगा।", "2023-04-14", "7 मई", "DATE", "2023-05-07", None),
    ("hi", "चुनाव परिणाम 13 जनवरी को घोषित किए गए।", "2023-04-14", "13 जनवरी", "DATE", "2023-01-13", None),
    ("hi", "यह कार्यक्रम 2 से 4 मई, 2023 तक चलेगा।", "2023-04-14", "2 से 4 मई, 2023", "DATE", "2023-05-02", "2023-05-04"),
    ("ko", "윤석열 대통령은 12일 오전 성남 서울공항에서 열린 환송식에 참석했다.", "2023-04-14", "12일 오전", "TIME", "2023-04-12TMO", None),
    ("ko", "대통령 내외는 12일(현지시간) 환송식을 마치고 귀국길에 올랐다.", "2023-04-14", "12일", "DATE", "2023-04-12", None),
    ("ko", "누리호는 오는 24일 오후 6시 24분 발사될 예정이다.", "2023-04-14", "24일 오후 6시 24분", "TIME", "2023-04-24T18:24", None),
    ("ko", "정부는 지난 10일 발표했다.", "2023-04-14", "지난 10일", "DATE", "2023-04-10", None),
    ("hi", "सम्मेलन 06 और 07 फरवरी, 2014 को राष्ट्रपति भवन में होगा।", "2014-02-04", "06 और 07 फरवरी, 2014", "DATE",
     "2014-02-06", "2014-02-07"),
    ("hi", "योजना 2019 से 2023 तक चली।", "2024-01-01", "2019 से 2023 तक", "DATE", "2019", "2023"),
    ("hi", "अभियान 28 दिसंबर 2021 से 3 फरवरी, 2022 तक चला।", "2022-03-29", "28 दिसंबर 2021 से 3 फरवरी, 2022", "DATE",
     "2021-12-28", "2022-02-03"),
    ("hi", "बैठकें 5 और 10 फरवरी, 2014 को हुईं।", "2014-02-12", "10 फरवरी, 2014", "DATE", "2014-02-10", None),
    # the dawn of the day after a report dated in Washington is Seoul's: that day, not a month ago
    ("ko", "개표는 11일 새벽 끝났다.", "2024-04-10", "11일 새벽", "TIME", "2024-04-11TMO", None),
    ("ko", "개표는 11일 끝났다.", "2024-04-10", "11일", "DATE", "2024-03-11", None),
    # an end date in a past-tense sentence: the nearer of this month's and last month's day
    ("ko", "총회가 23일까지 하루 연장됐습니다.", "2013-11-22", "23일", "DATE", "2013-11-23", None),
    ("ko", "행사는 28일까지 진행됐다.", "2013-11-02", "28일", "DATE", "2013-10-28", None),
    # no past or future cue: the 1st said on the 31st is tomorrow, not thirty days back; further ahead, the past
    ("ko", "세 정상은 1일에는 3국 정상회담을 갖습니다.", "2015-10-31", "1일", "DATE", "2015-11-01", None),
    ("ko", "세 정상은 3일에는 3국 정상회담을 갖습니다.", "2015-10-20", "3일", "DATE", "2015-10-03", None),
    ("ko", "세 정상은 1일 3국 정상회담을 가졌습니다.", "2015-10-31", "1일", "DATE", "2015-10-01", None),
    ("ko", "행사는 4월 18일부터 21일까지 열린다.", "2023-04-14", "4월 18일부터 21일까지", "DATE", "2023-04-18", "2023-04-21"),
    ("ko", "행사는 18~21일 열린다.", "2023-04-14", "18~21일", "DATE", "2023-04-18", "2023-04-21"),
    ("ko", "대통령은 내달 3일 출국한다.", "2023-04-14", "내달 3일", "DATE", "2023-05-03", None),
    ("ko", "선거는 2024년 1월 13일 치러졌다.", "2024-01-15", "2024년 1월 13일", "DATE", "2024-01-13", None),
    ("ko", "누리호 3차 발사는 25일 오후 6시 24분에 이뤄졌다.", "2023-05-26", "25일 오후 6시 24분", "TIME", "2023-05-25T18:24", None),
    ("ko", "방문 기간은 4월 24일부터 29일까지 5박 7일이다.", "2023-04-14", "5박 7일", "DURATION", "P7D", None),
]


@pytest.mark.parametrize(("lang", "text", "dct", "surface", "typ", "value", "value_end"), HI_KO,
                         ids=[f"{r[0]}-{r[3]}" for r in HI_KO])
def test_hindi_and_korean_press_wording(lang, text, dct, surface, typ, value, value_end):
    t = found(text, lang, dct, surface)
    assert (t.text, t.type, t.value, t.value_end) == (surface, typ, value, value_end)


NO_MODEL = [
    ("zh", "新华社北京2023年9月11日电 朝鲜领导人抵达。", "2023-09-12", "2023年9月11日", "2023-09-11", None),
    ("zh", "金正恩12日抵达俄罗斯。", "2023-09-13", "12日", "2023-09-12", None),
    ("zh", "双方将于9月10日至13日举行会谈。", "2023-09-01", "9月10日至13日", "2023-09-10", "2023-09-13"),
    ("zh", "会议于9月11号召开。", "2023-09-12", "9月11号", "2023-09-11", None),
    ("zh", "今年3月双方曾会面。", "2023-09-12", "今年3月", "2023-03", None),
    ("ja", "2023年9月11日、北朝鮮の金正恩総書記はロシアに到着した。", "2023-09-12", "2023年9月11日", "2023-09-11", None),
    ("ja", "会談は9月13日に行われた。", "2023-09-14", "9月13日", "2023-09-13", None),
    ("ja", "訪問は9月10日から13日までの予定だ。", "2023-09-01", "9月10日から13日まで", "2023-09-10", "2023-09-13"),
    ("ja", "昨日、会談が行われた。", "2023-09-14", "昨日", "2023-09-13", None),
    ("ru", "11 сентября 2023 г. Ким Чен Ын прибыл во Владивосток.", "2023-09-12", "11 сентября 2023 г.", "2023-09-11", None),
    ("ru", "Переговоры прошли 13 сентября.", "2023-09-14", "13 сентября", "2023-09-13", None),
    ("ru", "Визит продлится с 12 по 17 сентября.", "2023-09-11", "с 12 по 17 сентября", "2023-09-12", "2023-09-17"),
    ("ru", "Документ подписан 11.09.2023.", "2023-09-12", "11.09.2023", "2023-09-11", None),
    ("ru", "Это случилось в сентябре 2023 года.", "2023-10-01", "сентябре 2023 года", "2023-09", None),
]


@pytest.mark.parametrize(("lang", "text", "dct", "surface", "value", "value_end"), NO_MODEL,
                         ids=[f"{r[0]}-{r[3]}" for r in NO_MODEL])
def test_numeric_dates_in_languages_without_a_model(lang, text, dct, surface, value, value_end):
    t = found(text, lang, dct, surface)
    assert (t.text, t.value, t.value_end) == (surface, value, value_end)


@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "会谈持续3日间。"),
    ("ja", "会談は3日間続いた。"),
    ("zh", "共有300人参加。"),
    ("ru", "В 2023 человек пришли."),
])
def test_counts_are_not_dates(lang, text):
    assert tag(text, lang, dt.date(2023, 9, 12)) == []


def test_years_spelled_out_with_hyphens_and_counts_that_are_no_years():
    import datetime as dt

    from dossier.timex.tag import tag

    def values(text: str) -> list[tuple[str, str]]:
        return [(t.text, t.value) for t in tag(text, "en", dt.date(2004, 8, 2))]

    assert values("Nets reached twenty thousand children in two-thousand-one.") == [("two-thousand-one", "2001")]
    assert values("In two thousand six it rained.") == [("two thousand six", "2006")]
    assert values("We sold two-thousand copies.") == []
    assert values("the year two thousand has passed") == [("the year two thousand", "2000")]
    assert values("from two thousand to two thousand three") == [("two thousand", "2000"), ("two thousand three", "2003")]


def test_a_quarter_million_is_a_number():
    import datetime as dt

    from dossier.timex.tag import tag

    assert tag("A quarter million suspected cases were reported.", "en", dt.date(2016, 2, 2)) == []
    assert [t.text for t in tag("Sales fell in the first quarter of 2015.", "en", dt.date(2016, 2, 2))] == [
        "the first quarter of 2015"]


def test_korean_days_next_to_a_place_and_the_day_after_with_a_clock():
    import datetime as dt

    from dossier.timex.tag import tag

    def values(text: str) -> list[tuple[str, str]]:
        return [(t.text, t.value) for t in tag(text, "ko", dt.date(2019, 6, 20))]

    # "20일 전라남도 ...": the 20th in South Jeolla, not twenty days ago
    assert values("여객선이 20일 전라남도 해상에서 침몰했다.") == [("20일", "2019-06-20")]
    assert values("사고는 3일 전에 일어났다.") == [("3일 전", "2019-06-17")]
    # the day after the report with a clock time is that day (Seoul is ahead of Washington) ...
    assert values("21일 오전 1시 현재 6명이 숨졌다.")[0] == ("21일 오전 1시", "2019-06-21T01:00")
    # ... while a past-tense day after the report date without one is still last month's
    assert values("21일 열린 회의에서 그는 말했다.") == [("21일", "2019-05-21")]


@pytest.mark.parametrize(("text", "lang", "dct", "surface", "value"), [
    ("정부는 광복절에 특별사면을 단행했다.", "ko", "2023-08-20", "광복절", "2023-08-15"),
    ("2016년 성탄절에 그는 가족과 함께 있었다.", "ko", "2017-01-05", "2016년 성탄절", "2016-12-25"),
    ("새해 첫날 여객선에서 불이 나 23명이 숨졌습니다.", "ko", "2017-01-02", "새해 첫날", "2017-01-01"),
    ("북한은 태양절을 맞아 열병식을 열 예정이다.", "ko", "2023-04-10", "태양절", "2023-04-15"),
    ("प्रधानमंत्री ने स्वतंत्रता दिवस पर राष्ट्र को संबोधित किया।", "hi", "2023-08-16", "स्वतंत्रता दिवस", "2023-08-15"),
    ("राष्ट्रपति ने बाल दिवस के अवसर पर राष्ट्रीय बाल पुरस्कार प्रदान किए।", "hi", "2016-11-14", "बाल दिवस", "2016-11-14"),
    ("2024 के गणतंत्र दिवस समारोह में मुख्य अतिथि होंगे।", "hi", "2023-12-20", "2024 के गणतंत्र दिवस", "2024-01-26"),
])
def test_korean_and_hindi_holidays_on_a_fixed_day(text, lang, dct, surface, value):
    t = found(text, lang, dct, surface)
    assert (t.type, t.value) == ("DATE", value)


def test_a_town_named_like_a_holiday_is_no_date():
    # 신정 is the solar New Year and Xinzheng (신정시) in Henan: left out of the holidays
    assert tag("허난성 신정(新鄭)시에서 토지 분쟁이 일어났다.", "ko", dt.date(2013, 9, 1)) == []
