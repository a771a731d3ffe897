"""No import circles anywhere in ``desktop``: modules that import each other (directly or round
a loop) cannot be understood, tested or moved one at a time.

The graph is grimp's (import-linter's), which counts an import inside a function too: a lazy
import that closes a loop is still a loop. Imports under ``if TYPE_CHECKING:`` are left out
(they never run). A package counts as its ``__init__`` module.
"""

from __future__ import annotations

import grimp


def strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's components with more than one module, or one that imports itself (iterative:
    no recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges.get(node, ()):
                    found.append(sorted(component))
    return found


def _describe(component: list[str], graph: grimp.ImportGraph) -> str:
    members = set(component)
    lines = [" <-> ".join(component)]
    for importer in component:
        for imported in sorted(graph.find_modules_directly_imported_by(importer) & members):
            for detail in graph.get_import_details(importer=importer, imported=imported):
                lines.append(
                    f"    {importer} line {detail['line_number']}: {detail['line_contents']}"
                )
    return "\n".join(lines)


def test_tarjan_finds_loops_and_only_loops():
    edges = {
        "a": {"b"},
        "b": {"c"},
        "c": {"a", "d"},
        "d": {"e"},
        "e": set(),
        "f": {"f"},
        "g": {"d"},
    }
    assert sorted(strongly_connected(edges)) == [["a", "b", "c"], ["f"]]
    assert strongly_connected({"x": {"y"}, "y": set()}) == []


def test_no_import_circles_in_desktop():
    graph = grimp.build_graph("desktop", exclude_type_checking_imports=True)
    edges = {
        module: {m for m in graph.find_modules_directly_imported_by(module) if m in graph.modules}
        for module in graph.modules
    }
    assert len(edges) > 50  # the whole package was read
    cycles = strongly_connected(edges)
    assert not cycles, "import circles (move the shared piece down into its own module):\n" + (
        "\n".join(_describe(c, graph) for c in cycles)
    )
