
using Analysis;
namespace Analysis.Tests.Clustering;

public class ClusterMetricsTests
{
    [Fact]
    public void IdenticalPartitionsUnderOtherNamesScoreOne()
    {
        string[] truth = ["a", "a", "b", "b", "c"];
        int[] predicted = [2, 2, 0, 0, 1];
        Assert.Equal(1.0, ClusterMetrics.Nmi(truth, predicted), 9);
        Assert.Equal(1.0, ClusterMetrics.Ari(truth, predicted), 9);
    }

    [Fact]
    public void KnownSmallCaseMatchesHandComputedValues()
    {
        // Contingency x→{0:2}, y→{0:1, 1:1}: MI = ½ln(4/3) + ¼ln(2/3) + ¼ln2 = 0.2158 nats, H(truth) = ln2 = 0.6931,
        // H(pred) = 0.5623, NMI = 0.2158 / 0.6277 = 0.3437. Pairs: index 1, expected (2·3)/6 = 1, so ARI = 0.
        string[] truth = ["x", "x", "y", "y"];
        int[] predicted = [0, 0, 0, 1];
        Assert.Equal(0.3437, ClusterMetrics.Nmi(truth, predicted), 3);
        Assert.Equal(0.0, ClusterMetrics.Ari(truth, predicted), 9);
    }
}
