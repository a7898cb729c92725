using Analysis;
using Analysis.Tests.Loading;

namespace Analysis.Tests.Model.Dates;

public class AbsoluteDatesTests
{
    /// <summary>Rows of Data/absolute-dates.tsv: a text and the dates it contains, written by hand.</summary>
    public static TheoryData<string, string> Cases() => TestFiles.TsvPairs("Model", "Dates", "Data", "absolute-dates.tsv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void FindsTheLabelledDates(string text, string expected)
    {
        var actual = AbsoluteDates.Find(text).Select(d =>
        {
            Assert.Equal(d.Surface, text[d.Start..d.End]);
            return $"{d.Surface}={d.Year?.ToString() ?? "?"}-{d.Month}-{d.Day?.ToString() ?? "?"}/{d.Rule}";
        });
        Assert.Equal(expected, string.Join(" ; ", actual));
    }

    [Theory]
    [InlineData("Dec. 28", "2025-01-03", "2024-12-28")]
    [InlineData("Nov. 5", "2024-10-22", "2024-11-05")]
    [InlineData("Sept. 27", "2024-10-22", "2024-09-27")]
    [InlineData("Jan. 2", "2023-12-30", "2024-01-02")]
    [InlineData("October 7, 2023", "2024-10-22", "2023-10-07")]
    public void ResolvesAgainstAReferenceDate(string text, string reference, string expected)
    {
        var date = Assert.Single(AbsoluteDates.Find(text));
        Assert.Equal(DateOnly.Parse(expected), date.Resolve(DateOnly.Parse(reference)));
    }

    [Fact]
    public void MonthYearHasNoDayToResolve()
    {
        var date = Assert.Single(AbsoluteDates.Find("in February 2008"));
        Assert.Null(date.Resolve(new DateOnly(2024, 1, 9)));
        Assert.Equal(2008, date.ResolveYear(new DateOnly(2024, 1, 9)));
        Assert.Null(date.Date);
    }

    [Fact]
    public void YearlessLeapDayResolvingToACommonYearIsNull()
    {
        var date = Assert.Single(AbsoluteDates.Find("on February 29"));
        Assert.Null(date.Resolve(new DateOnly(2023, 3, 1)));
        Assert.Equal(new DateOnly(2024, 2, 29), date.Resolve(new DateOnly(2024, 3, 1)));
    }

    [Theory]
    [InlineData("Sept.", 9)]
    [InlineData("sep", 9)]
    [InlineData("May", 5)]
    [InlineData("December", 12)]
    [InlineData("Octo", null)]
    public void MonthNumbers(string name, int? expected) => Assert.Equal(expected, AbsoluteDates.MonthNumber(name));
}
