"""Unit, number-word, multiplier and currency tables for figure extraction (pure data + tiny lookups).

Normalized unit strings follow the convention of the figures gold file (shared/data/figures/dev.jsonl):
lowercase ISO-4217 codes for currencies ("usd", "gbp"), singular English names for time and most physical
units ("hour", "mile", "foot"), short symbols where the gold uses them ("km", "mg", "degC", "km/h").
Rates are written "<numerator>/<period>" ("usd/hour", "person/week", "ton/day").
"""

from __future__ import annotations

# --- number words -----------------------------------------------------------------------------------------

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "million": 1e6, "crore": 1e7,
    "crores": 1e7, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9, "bln": 1e9, "tln": 1e12,
    "tn": 1e12, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
}
# suffixes glued to digits: 10k, 1.2b, $1.13bn, £600m (m only after a currency; otherwise metre)
DIGIT_SUFFIXES: dict[str, float] = {"k": 1e3, "b": 1e9, "bn": 1e9, "bln": 1e9, "mn": 1e6, "tn": 1e12}
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 1000000,
}
# denominators usable as fractions ("two thirds", "a quarter"); "second" is deliberately absent
FRACTION_WORDS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "hundredth": 100,
    "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
}
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
    "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
}

# --- currencies -------------------------------------------------------------------------------------------

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "usd", "us$": "usd", "us $": "usd", "c$": "cad", "c $": "cad", "ca$": "cad", "hk$": "hkd",
    "hk $": "hkd", "a$": "aud", "a $": "aud", "au$": "aud", "nz$": "nzd", "£": "gbp", "€": "eur",
    "¥": "jpy", "₹": "inr", "₽": "rub", "₴": "uah", "₩": "krw", "₺": "try", "₪": "ils",
}
CURRENCY_CODES: dict[str, str] = {
    c: c for c in ("usd", "eur", "gbp", "jpy", "cny", "rmb", "inr", "cad", "aud", "chf", "hkd", "rub",
                   "uah", "nzd", "sek", "nok", "dkk", "pln", "krw", "brl", "mxn", "zar", "try", "sgd")
}
CURRENCY_CODES["rmb"] = "cny"
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "usd", "dollars": "usd", "us dollars": "usd", "euro": "eur", "euros": "eur",
    "yen": "jpy", "yuan": "cny", "renminbi": "cny", "rupee": "inr", "rupees": "inr", "rouble": "rub",
    "roubles": "rub", "ruble": "rub", "rubles": "rub", "hryvnia": "uah", "hryvnias": "uah",
    "swiss franc": "chf", "swiss francs": "chf", "franc": "franc", "francs": "franc",
    "finnish markka": "fim", "markka": "fim", "markkaa": "fim", "dutch guilders": "nlg",
    "guilders": "nlg", "guilder": "nlg", "canadian dollars": "cad", "australian dollars": "aud",
    "hong kong dollars": "hkd", "sterling": "gbp", "pounds sterling": "gbp", "cent": "cent",
    "cents": "cent", "penny": "penny", "pence": "penny", "pennies": "penny", "dime": "dime",
    "dimes": "dime", "nickel": "nickel", "nickels": "nickel", "quid": "gbp",
    "pound": "gbp", "pounds": "gbp",  # disambiguated against lb in figure_units
}

# --- physical and time units (surface, lowercased → normalized) --------------------------------------------

TIME_UNITS: dict[str, str] = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "wk": "week", "wks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year", "yr": "year", "yrs": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
}
MEASURE_UNITS: dict[str, str] = {
    "km": "km", "kms": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
    "kilometer-long": "km", "m": "m", "meter": "m", "meters": "m", "metre": "m", "metres": "m",
    "cm": "cm", "centimeter": "cm", "centimeters": "cm", "centimetre": "cm", "centimetres": "cm",
    "mm": "mm", "millimeter": "mm", "millimeters": "mm", "millimetre": "mm", "millimetres": "mm",
    "mile": "mile", "miles": "mile", "mi": "mile", "foot": "foot", "feet": "foot", "ft": "foot",
    "inch": "inch", "inches": "inch", "in": "inch", "yard": "yard", "yards": "yard",
    "km2": "km2", "km²": "km2", "square kilometers": "km2", "square kilometres": "km2",
    "sq km": "km2", "square miles": "mile2", "square mile": "mile2", "hectare": "hectare",
    "hectares": "hectare", "acre": "acre", "acres": "acre",
    "kg": "kg", "kgs": "kg", "kilogram": "kg", "kilograms": "kg", "kilogramme": "kg", "kilogrammes": "kg",
    "g": "g", "gram": "g", "grams": "g", "gramme": "g", "grammes": "g", "mg": "mg", "milligram": "mg",
    "milligrams": "mg", "microgram": "microgram", "micrograms": "microgram", "microgramme": "microgram",
    "microgrammes": "microgram", "µg": "microgram", "mcg": "microgram",
    "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb", "oz": "oz", "ounce": "oz", "ounces": "oz",
    "ton": "ton", "tons": "ton", "tonne": "tonne", "tonnes": "tonne", "metric ton": "tonne",
    "metric tons": "tonne", "t": "tonne",
    "l": "liter", "liter": "liter", "liters": "liter", "litre": "liter", "litres": "liter", "ml": "ml",
    "gallon": "gallon", "gallons": "gallon", "barrel": "barrel", "barrels": "barrel", "bbl": "barrel",
    "cup": "cup", "cups": "cup", "tablespoon": "tablespoon", "tablespoons": "tablespoon",
    "tbsp": "tablespoon", "teaspoon": "teaspoon", "teaspoons": "teaspoon", "tsp": "teaspoon",
    "km/h": "km/h", "km/hr": "km/h", "kph": "km/h", "kmph": "km/h", "kmh": "km/h",
    "kilometers per hour": "km/h", "kilometres per hour": "km/h", "kilometers an hour": "km/h",
    "kilometres an hour": "km/h", "mph": "mph", "miles per hour": "mph", "miles an hour": "mph",
    "knots": "knot", "knot": "knot",
    "degrees celsius": "degC", "degree celsius": "degC", "degrees centigrade": "degC", "°c": "degC",
    "deg celsius": "degC", "celsius": "degC", "celcius": "degC", "degrees c": "degC", "c": "degC",
    "degrees fahrenheit": "degF", "degree fahrenheit": "degF", "degrees farenheit": "degF",
    "fahrenheit": "degF", "farenheit": "degF", "°f": "degF", "degrees f": "degF", "f": "degF",
    "deg fahrenheit": "degF", "degrees": "degree", "degree": "degree", "deg.": "degree", "deg": "degree",
    "°": "degree",
    "ev": "ev", "electronvolts": "ev", "kev": "kev", "mev": "mev", "gev": "gev", "tev": "tev",
    "btu": "btu", "btus": "btu", "british thermal units": "btu", "kwh": "kwh", "mwh": "mwh", "gwh": "gwh",
    "kw": "kw", "mw": "mw", "gw": "gw", "watts": "w", "megawatts": "mw", "gigawatts": "gw",
    "tpd": "ton/day", "bpd": "barrel/day", "b/d": "barrel/day",
    "gb": "gb", "mb": "mb", "tb": "tb", "magnitude": "magnitude",
}
# one-letter / ambiguous symbols only accepted when glued to digits or right after a digit + space
GLUED_ONLY: frozenset[str] = frozenset({"s", "h", "m", "g", "t", "l", "c", "f", "in", "mi", "mb", "gb"})

PERCENT_WORDS: dict[str, str] = {
    "%": "percent", "percent": "percent", "per cent": "percent", "percentage": "percent",
    "pct": "percent", "pc": "percent", "percentage points": "percentage point", "percentage point": "percentage point",
    "points": "point", "basis points": "basis point", "bps": "basis point",
}

# --- families (what may be compared across outlets) --------------------------------------------------------

_FAMILY: dict[str, str] = {
    "percent": "percent", "percentage point": "percentage point", "basis point": "percentage point",
    "point": "point",
    "second": "time", "minute": "time", "hour": "time", "day": "time", "week": "time", "month": "time",
    "year": "time", "decade": "time", "century": "time",
    "km": "length", "m": "length", "cm": "length", "mm": "length", "mile": "length", "foot": "length",
    "inch": "length", "yard": "length", "km2": "area", "mile2": "area", "hectare": "area", "acre": "area",
    "kg": "mass", "g": "mass", "mg": "mass", "microgram": "mass", "lb": "mass", "oz": "mass",
    "ton": "mass", "tonne": "mass", "liter": "volume", "ml": "volume", "gallon": "volume",
    "barrel": "volume", "cup": "volume", "tablespoon": "volume", "teaspoon": "volume",
    "km/h": "speed", "mph": "speed", "knot": "speed", "degC": "temperature", "degF": "temperature",
    "degree": "temperature", "ev": "energy", "kev": "energy", "mev": "energy", "gev": "energy",
    "tev": "energy", "btu": "energy", "kwh": "energy", "mwh": "energy", "gwh": "energy", "kw": "power",
    "mw": "power", "gw": "power", "w": "power", "gb": "data", "mb": "data", "tb": "data", "magnitude": "magnitude",
    "cent": "currency", "penny": "currency", "dime": "currency", "nickel": "currency",
    "franc": "currency", "fim": "currency", "nlg": "currency",
}
QUALIFIER_OPS: dict[str, str] = {
    "more than": ">", "over": ">", "above": ">", "exceeding": ">", "upwards of": ">",
    "at least": ">=", "no less than": ">=", "not less than": ">=", "no fewer than": ">=",
    "or more": ">=", "and more": ">=", "or over": ">=", "minimum of": ">=", "a minimum of": ">=",
    "less than": "<", "fewer than": "<", "under": "<", "below": "<", "nearly": "<~", "almost": "<~",
    "up to": "<=", "at most": "<=", "no more than": "<=", "not more than": "<=", "or less": "<=",
    "or fewer": "<=", "a maximum of": "<=", "maximum of": "<=",
    "about": "~", "around": "~", "roughly": "~", "approximately": "~", "approx.": "~", "some": "~",
    "an estimated": "~", "estimated": "~", "circa": "~", "close to": "~", "nearly to": "~",
    "just over": ">", "just under": "<", "exactly": "=", "precisely": "=",
}
APPROX_QUALIFIERS: frozenset[str] = frozenset(q for q, op in QUALIFIER_OPS.items() if "~" in op)


def unit_family(unit: str | None) -> str | None:
    """Dimension of a normalized unit ("hour" → "time", "usd/hour" → "currency/time"); None if unknown."""
    if not unit:
        return None
    if "/" in unit:
        num, _, den = unit.partition("/")
        return f"{unit_family(num) or 'count'}/{unit_family(den) or 'count'}"
    if unit in _FAMILY:
        return _FAMILY[unit]
    if unit in CURRENCY_CODES.values():
        return "currency"
    return None


def normalize_unit(surface: str) -> str | None:
    """Normalized unit for a lowercased unit surface from any table, or None."""
    s = " ".join(surface.lower().split())
    return TIME_UNITS.get(s) or MEASURE_UNITS.get(s) or PERCENT_WORDS.get(s) or CURRENCY_WORDS.get(s)
