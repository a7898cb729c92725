namespace Analysis;

/// <summary>What kind of numeric expression a <see cref="Number"/> is.</summary>
public enum NumberKind
{
    /// <summary>A count or plain quantity, in digits or words ("42,718", "seventy", "1.2 million", "30 hours").</summary>
    Cardinal,
    /// <summary>A rank ("21st", "twenty-first", "finished second", "an eighth term").</summary>
    Ordinal,
    /// <summary>A part of a whole ("two-thirds", "a third of", "three quarters", "half of"): the value is the fraction.</summary>
    Fraction,
    /// <summary>A number written with decimals and no unit ("2.5").</summary>
    Decimal,
    /// <summary>A percentage or percentage points ("45%", "3 per cent").</summary>
    Percent,
    /// <summary>An amount with a currency ("$1.13bn", "£600m", "50 euros").</summary>
    Money,
    /// <summary>A factor ("twice", "three times as many", "tenfold").</summary>
    Multiplier,
    /// <summary>An interval ("between 20 and 30", "20-30", "$250,000 to $300,000", "hundreds of"): <see cref="Number.High"/> is set.</summary>
    Range,
    /// <summary>A score or tally ("234-193", "six-to-one", "won 3-1"): <see cref="Number.High"/> holds the second number.</summary>
    Score,
    /// <summary>A person's age ("11-year-old", "aged 45").</summary>
    Age,
    /// <summary>A calendar year or decade ("in 2019", "the 1990s").</summary>
    Year,
}

/// <summary>
/// One numeric expression in a text, as <see cref="Numbers.Find"/> reads it. <see cref="Start"/>/<see cref="End"/>
/// cover the qualifier ("about", "more than") when there is one, and the number with its currency, scale and unit;
/// <see cref="NumberStart"/> is where the number itself begins.
/// </summary>
/// <param name="Start">Offset of the first character (the qualifier's, when there is one).</param>
/// <param name="End">Offset after the last character.</param>
/// <param name="Surface">The text of [Start, End).</param>
/// <param name="Value">The normalized value (the lower bound of a range, the first number of a score; 45 for "45%";
/// 0.6667 for "two-thirds"; negative for "-4" or "minus 4").</param>
/// <param name="High">The upper bound of a range or the second number of a score; otherwise null.</param>
/// <param name="Kind">What kind of expression it is.</param>
/// <param name="Unit">"" for plain counts; "percent", "percentage_point", an ISO currency code, a time or distance
/// unit, "ordinal", "fraction", "times" (multipliers), "year" for ages.</param>
/// <param name="Qualifier">How the wording bounds it ("about", "more than", "as much as", "or so"; ranges are
/// <see cref="Analysis.Qualifier.Range"/>).</param>
/// <param name="InWords">True when the number is spelled out ("seventy", "a dozen") rather than written in digits.</param>
/// <param name="NumberStart">Offset where the number itself begins (after any qualifier).</param>
/// <param name="Rule">Name of the grammar rule that read it (for example <c>digits-scale</c>, <c>words</c>, <c>range-to</c>).</param>
public sealed record Number(
    int Start, int End, string Surface, double Value, double? High, NumberKind Kind, string Unit, Qualifier Qualifier,
    bool InWords, int NumberStart, string Rule)
{
    /// <summary>Lower-case name of <see cref="Kind"/> as used in tables ("cardinal", "percent", …).</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();

    /// <summary>snake_case name of <see cref="Qualifier"/> ("exact", "at_most", …).</summary>
    public string QualifierName => Qualifiers.Name(Qualifier);
}
