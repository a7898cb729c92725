namespace Analysis.Display; internal static class Placeholder { }
