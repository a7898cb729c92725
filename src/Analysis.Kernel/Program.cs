Console.Error.WriteLine("The Jupyter kernel is not built yet.");
return 1;
