"""Executes a notebook through the kernel with Debian's nbclient, parameters injected the papermill way.

usage: run_notebook.py IN.ipynb OUT.ipynb KERNEL_NAME WORKING_DIR PARAMETERS_JSON
Papermill is not packaged for Debian, so this does what it does: a code cell tagged "injected-parameters" goes right
after the cell tagged "parameters" (at the top when there is none), assigning each parameter with papermill's C#
translation (`var name = value;`). Prints {"code_cells", "errors": [{"cell", "ename", "evalue"}], "outputs": [types]}.
"""
import json
import sys

import nbformat
from nbclient import NotebookClient


def csharp_literal(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(value)  # a JSON string is a valid C# regular string literal for these values


def inject(nb, parameters):
    source = "// Parameters\n" + "\n".join(f"var {k} = {csharp_literal(v)};" for k, v in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    index = next((i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), -1)
    nb.cells.insert(index + 1, cell)


def main():
    path_in, path_out, kernel, cwd, parameters = sys.argv[1:6]
    nb = nbformat.read(path_in, as_version=4)
    inject(nb, json.loads(parameters))
    client = NotebookClient(nb, kernel_name=kernel, timeout=600, allow_errors=True, resources={"metadata": {"path": cwd}})
    client.execute()
    nbformat.write(nb, path_out)
    errors, outputs = [], []
    code = [c for c in nb.cells if c.cell_type == "code"]
    for i, cell in enumerate(code):
        for output in cell.outputs:
            outputs.append(output.output_type)
            if output.output_type == "error":
                errors.append({"cell": i, "ename": output.ename, "evalue": output.evalue})
    print(json.dumps({"code_cells": len(code), "executed": sum(1 for c in code if c.execution_count), "errors": errors, "outputs": outputs}))


main()
