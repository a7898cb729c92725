using Analysis;
namespace Analysis.Tests.Extraction.Entities;

public class WordTableTests
{
    [Fact]
    public void SameCharactersGiveTheSameStringAndOthersTheirOwn()
    {
        var table = new WordTable();
        var text = "Tony Blair met Tony Benn";
        var first = table.Get(text.AsSpan(0, 4));
        var again = table.Get(text.AsSpan(15, 4));
        var other = table.Get(text.AsSpan(5, 5));
        Assert.Equal("Tony", first);
        Assert.Same(first, again);
        Assert.Equal("Blair", other);
        Assert.Equal("", table.Get(ReadOnlySpan<char>.Empty));
    }

    [Fact]
    public void ManyWordsStayRightThroughGrowthAndRestart()
    {
        // Past its largest size the table starts afresh: every answer must still be the word asked for.
        var table = new WordTable();
        for (int round = 0; round < 2; round++)
            for (int i = 0; i < 150_000; i++)
            {
                var word = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(word, table.Get(word.AsSpan()));
            }
        Assert.Same(table.Get("w149999".AsSpan()), table.Get("w149999".AsSpan()));
    }
}
