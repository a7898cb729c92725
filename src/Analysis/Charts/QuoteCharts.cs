using Plotly.NET;

namespace Analysis;

/// <summary>Charts of quotations.</summary>
public static class QuoteCharts
{
    /// <summary>
    /// Who each outlet quotes: the <paramref name="top"/> most quoted speakers as horizontal bars, one bar colour per
    /// outlet (full quotations with a known speaker).
    /// </summary>
    public static GenericChart SpeakersByOutlet(IEnumerable<Quote> quotes, int top = 12)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        return OutletBars.Build("Quotations per speaker and outlet",
            quotes.SpeakersByOutlet().Select(c => (c.Outlet, c.Speaker, c.Quotes)), top);
    }
}
