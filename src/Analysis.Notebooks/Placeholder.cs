namespace Analysis.Notebooks; internal static class Placeholder { }
