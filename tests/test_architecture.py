"""Watchtower's import graph, read from the source's AST: no cycles, one door into the daemon, layers that hold.

The graph is built from ``src/watchtower`` without importing it. Each import is one of three kinds:

- ``module``: runs when the importing module is loaded (top level, class bodies, ``try`` blocks);
- ``function``: inside a function, so it runs on the first call (what a lazy import is);
- ``type_checking``: under ``if TYPE_CHECKING:``, so it never runs (annotations only).

Only module-level imports can form an import cycle that breaks loading, so the cycle check reads those, plus the
packages a module-level import loads on the way (``import watchtower.store.repo`` runs ``watchtower/store/__init__``
first). A function-level import that *would* close a cycle if it were moved to the top is a cycle hidden from the
loader, and one under ``TYPE_CHECKING`` a cycle of types: ``test_no_lazy_import_hides_a_cycle`` names both.

``python tests/test_architecture.py`` prints the whole picture: the cycles, who imports the daemon, and every lazy
and TYPE_CHECKING import with whether it hides a cycle.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "watchtower"

Kind = Literal["module", "function", "type_checking"]


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int
    kind: Kind

    def __str__(self) -> str:
        return f"{self.importer}:{self.line} -> {self.imported}"


@dataclass(frozen=True)
class Module:
    name: str
    path: Path
    is_package: bool


def find_modules(src: Path, package: str = PACKAGE) -> dict[str, Module]:
    """Every module of ``package`` below ``src``, by dotted name (a package by its ``__init__``)."""
    found: dict[str, Module] = {}
    for path in sorted((src / package).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        found[".".join(parts)] = Module(".".join(parts), path, is_package)
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(module: Module, node: ast.Import | ast.ImportFrom, known: dict[str, Module]) -> Iterator[str]:
    """The modules of the package that ``node`` names, each as the nearest module that exists."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        if node.level:
            base = module.name.split(".")
            if not module.is_package:
                base.pop()
            base = base[: len(base) - (node.level - 1)]
            origin = ".".join([*base, *([node.module] if node.module else [])])
        else:
            origin = node.module or ""
        # `from pkg import name`: the submodule pkg.name where there is one, else pkg itself
        names = [f"{origin}.{a.name}" if f"{origin}.{a.name}" in known else origin for a in node.names]
    for name in names:
        while name and name not in known:
            name = name.rpartition(".")[0]
        if name and name != module.name:
            yield name


def imports_of(module: Module, known: dict[str, Module]) -> list[Import]:
    """The imports of one module of the package, each with its line and kind."""
    found: list[Import] = []

    def visit(node: ast.AST, kind: Kind) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom):
            targets = dict.fromkeys(_targets(module, node, known))
            found.extend(Import(module.name, t, node.lineno, kind) for t in targets)
            return
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            kind = "function" if kind == "module" else kind
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, "type_checking")
            for child in node.orelse:
                visit(child, kind)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, kind)

    visit(ast.parse(module.path.read_text(encoding="utf-8"), filename=str(module.path)), "module")
    return found


@dataclass
class Graph:
    modules: dict[str, Module]
    imports: list[Import]

    @classmethod
    def read(cls, src: Path = SRC, package: str = PACKAGE) -> Graph:
        modules = find_modules(src, package)
        return cls(modules, [i for m in modules.values() for i in imports_of(m, modules)])

    def of_kind(self, kind: Kind) -> list[Import]:
        return [i for i in self.imports if i.kind == kind]

    def loading_edges(self, extra: Iterable[Import] = ()) -> dict[str, dict[str, Import]]:
        """What loading each module needs loaded: its module-level imports and the packages above what they name.

        A package above the importer, loaded on the way to a module below it, is left out: it is already being
        loaded when the importer runs. Named itself (``from watchtower.classify import Classifier`` in a module of
        ``watchtower.classify``) it counts: the name is there only once the package's ``__init__`` has run.
        """
        edges: dict[str, dict[str, Import]] = defaultdict(dict)
        for imp in [*self.of_kind("module"), *extra]:
            edges[imp.importer].setdefault(imp.imported, imp)
            parts = imp.imported.split(".")
            for n in range(1, len(parts)):
                above = ".".join(parts[:n])
                if above in self.modules and above != imp.importer and not imp.importer.startswith(above + "."):
                    edges[imp.importer].setdefault(above, Import(imp.importer, above, imp.line, imp.kind))
        return edges

    def cycles(self, extra: Iterable[Import] = ()) -> list[list[Import]]:
        """One shortest cycle through each strongly connected group of module-level imports."""
        edges = self.loading_edges(extra)
        found = []
        for group in _strongly_connected(edges):
            start = min(group)
            path = _shortest_path(edges, start, start, within=group)
            assert path, group
            found.append(path)
        return found

    def hides_cycle(self, lazy: Import) -> list[Import]:
        """The cycle that ``lazy`` would close if it ran at module level (empty when it would close none)."""
        edges = self.loading_edges([lazy])
        return _shortest_path(edges, lazy.importer, lazy.importer, within=set(self.modules))

    def importers_of(self, name: str) -> list[Import]:
        return [i for i in self.imports if i.imported == name or i.imported.startswith(name + ".")]


def _strongly_connected(edges: dict[str, dict[str, Import]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative: the groups of more than one module that reach each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    nodes = sorted(set(edges) | {t for out in edges.values() for t in out})
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(edges.get(root, {}))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(group)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges.get(child, {})))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def _shortest_path(edges: dict[str, dict[str, Import]], start: str, goal: str, within: set[str]) -> list[Import]:
    """The fewest imports that lead from ``start`` to ``goal`` (at least one), by breadth-first search."""
    queue: deque[str] = deque([start])
    via: dict[str, Import] = {}
    while queue:
        node = queue.popleft()
        for target, imp in sorted(edges.get(node, {}).items()):
            if target not in within or target in via:
                continue
            via[target] = imp
            if target == goal:
                path = [imp]
                while path[0].importer != start:
                    path.insert(0, via[path[0].importer])
                return path
            queue.append(target)
    return []


def show(path: list[Import]) -> str:
    return " -> ".join([path[0].importer, *(f"{i.imported} (line {i.line} of {i.importer})" for i in path)])


# -- the rules ------------------------------------------------------------------------------------------------------

# The daemon is the composition root: the commands that start one import it, nothing else does. Everything a
# job, the dashboard or the notifier needs from it is passed in as a typed context (jobs.JobContext, people.Roster,
# web.DashboardHost), so no module reaches back into it.
DAEMON = "watchtower.daemon"
STARTS_THE_DAEMON = {
    "watchtower.cli.run": "`watchtower run`, what systemd runs",
    "watchtower.cli.demo": "`watchtower demo`, the real daemon against the sample sources",
}

# (the modules a rule is about, what they must not import, why). A name stands for itself and everything below it.
LAYERS: list[tuple[tuple[str, ...], tuple[str, ...], str]] = [
    (
        ("watchtower.store",),
        ("watchtower.web", "watchtower.notify", "watchtower.daemon", "watchtower.cli", "watchtower.pipeline",
         "watchtower.jobs", "watchtower.connectors", "watchtower.classify", "watchtower.platform_actions"),
        "the store persists rows; policy and delivery sit above it",
    ),
    (
        ("watchtower.classify",),
        ("watchtower.store", "watchtower.notify", "watchtower.web", "watchtower.daemon", "watchtower.pipeline",
         "watchtower.connectors"),
        "the classifier is a pure function of a post: `watchtower classify` loads no store",
    ),
    (
        ("watchtower.connectors",),
        ("watchtower.store", "watchtower.notify", "watchtower.web", "watchtower.daemon", "watchtower.pipeline",
         "watchtower.classify"),
        "a connector turns a platform's API into items; the poller stores them",
    ),
    (
        ("watchtower.deadlines", "watchtower.escalation"),
        ("watchtower.store", "watchtower.notify", "watchtower.web", "watchtower.daemon", "watchtower.pipeline"),
        "deadline and escalation decisions are pure, with `now` passed in",
    ),
    (
        ("watchtower.notify",),
        ("watchtower.web", "watchtower.daemon", "watchtower.cli", "watchtower.pipeline"),
        "the notifier delivers what the outbox holds; it does not know who enqueued it",
    ),
    (
        ("watchtower.web",),
        ("watchtower.daemon", "watchtower.cli"),
        "the dashboard is handed a DashboardHost, not the daemon",
    ),
    (
        ("watchtower.classify.rules",),
        ("watchtower.classify.config", "watchtower.classify._classifier"),
        "the rules read a RuleSettings; classify.config imports the rules' lists to check a school's lists_file",
    ),
    (
        ("watchtower.jobs",),
        ("watchtower.digest", "watchtower.watchers", "watchtower.retention", "watchtower.platform_actions"),
        "the runner and the JobContext know no job; the daemon lists the jobs it runs (daemon.BACKGROUND_JOBS)",
    ),
    (
        ("watchtower.models", "watchtower.exceptions", "watchtower.timeutil"),
        ("watchtower",),
        "the shared vocabulary depends on nothing else of Watchtower",
    ),
]

# Only the command line and `python -m watchtower` sit above the commands.
CLI = "watchtower.cli"


def _under(name: str, prefixes: Iterable[str]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def layer_breaches(graph: Graph) -> list[str]:
    """Every import, of any kind, that breaks a rule of LAYERS."""
    breaches = []
    for subjects, forbidden, why in LAYERS:
        for imp in graph.imports:
            if not _under(imp.importer, subjects) or _under(imp.imported, subjects):
                continue
            if _under(imp.imported, forbidden):
                breaches.append(f"{imp} ({imp.kind}): {', '.join(subjects)} must not import it: {why}")
    return breaches


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph.read()


def test_no_cycle_among_module_level_imports(graph: Graph) -> None:
    cycles = graph.cycles()
    assert not cycles, "import cycles:\n" + "\n".join(show(c) for c in cycles)


def test_only_the_commands_that_start_it_import_the_daemon(graph: Graph) -> None:
    importers = {i.importer for i in graph.importers_of(DAEMON) if not i.importer.startswith(DAEMON + ".")}
    assert importers - set(STARTS_THE_DAEMON) == set(), (
        "only the commands that start the daemon may import it; pass what a module needs as a typed context instead: "
        + ", ".join(str(i) for i in graph.importers_of(DAEMON) if i.importer not in STARTS_THE_DAEMON)
    )


def test_the_layers_hold(graph: Graph) -> None:
    breaches = layer_breaches(graph)
    assert not breaches, "\n".join(breaches)


def test_nothing_but_the_entry_point_imports_the_command_line(graph: Graph) -> None:
    outside = [i for i in graph.importers_of(CLI) if not _under(i.importer, [CLI, "watchtower.__main__"])]
    assert not outside, "the command line is the top layer: " + ", ".join(map(str, outside))


# Lazy imports known to hide a cycle, each with why it is still there. Delete an entry once its cycle is gone.
HIDDEN_CYCLES: dict[tuple[str, str], str] = {
}


@pytest.mark.parametrize("kind", ["function", "type_checking"])
def test_no_lazy_import_hides_a_cycle(graph: Graph, kind: Kind) -> None:
    """An import moved into a function (or under TYPE_CHECKING) to dodge a cycle is still a cycle: move the code
    that both sides need into a module of its own, or pass it in."""
    hidden = {(i.importer, i.imported): path for i in graph.of_kind(kind) if (path := graph.hides_cycle(i))}
    new = [show(path) for key, path in hidden.items() if key not in HIDDEN_CYCLES]
    assert not new, f"{kind} imports that would close a cycle at module level:\n" + "\n".join(new)
    if kind == "function":
        gone = sorted(set(HIDDEN_CYCLES) - set(hidden))
        assert not gone, f"these no longer hide a cycle: delete them from HIDDEN_CYCLES: {gone}"


# -- the checker itself, on small trees written here ----------------------------------------------------------------


def _tree(tmp_path: Path, files: dict[str, str]) -> Graph:
    for name, text in files.items():
        path = tmp_path / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Graph.read(tmp_path, "pkg")


def test_the_checker_tells_the_three_kinds_apart(tmp_path: Path) -> None:
    graph = _tree(tmp_path, {
        "__init__.py": "",
        "a.py": (
            "from typing import TYPE_CHECKING\n"
            "import pkg.b\n"
            "if TYPE_CHECKING:\n    from pkg import c\n"
            "class K:\n    from pkg.d import thing\n"
            "def f():\n    from . import e\n"
        ),
        "b.py": "", "c.py": "", "d.py": "thing = 1\n", "e.py": "",
    })
    kinds = {(i.imported, i.kind) for i in graph.imports if i.importer == "pkg.a"}
    assert kinds == {
        ("pkg.b", "module"), ("pkg.c", "type_checking"), ("pkg.d", "module"), ("pkg.e", "function"),
    }


def test_the_checker_finds_a_cycle_and_names_its_lines(tmp_path: Path) -> None:
    graph = _tree(tmp_path, {
        "__init__.py": "", "a.py": "from pkg.b import x\n", "b.py": "x = 1\nfrom pkg import c\n",
        "c.py": "import pkg.a\n",
    })
    [cycle] = graph.cycles()
    assert show(cycle) == (
        "pkg.a -> pkg.b (line 1 of pkg.a) -> pkg.c (line 2 of pkg.b) -> pkg.a (line 1 of pkg.c)"
    )


def test_the_checker_counts_a_package_loaded_on_the_way(tmp_path: Path) -> None:
    graph = _tree(tmp_path, {
        "__init__.py": "", "a.py": "import pkg.sub.inner\n", "sub/__init__.py": "from pkg import a\n",
        "sub/inner.py": "",
    })
    assert [show(c) for c in graph.cycles()] == ["pkg.a -> pkg.sub (line 1 of pkg.a) -> pkg.a (line 1 of pkg.sub)"]


def test_the_checker_sees_a_lazy_import_that_hides_a_cycle(tmp_path: Path) -> None:
    graph = _tree(tmp_path, {
        "__init__.py": "", "a.py": "import pkg.b\n", "b.py": "def f():\n    from pkg import a\n",
        "c.py": "def g():\n    import pkg.a\n",
    })
    assert graph.cycles() == []
    hidden = {lazy.importer: graph.hides_cycle(lazy) for lazy in graph.of_kind("function")}
    assert show(hidden["pkg.b"]) == "pkg.b -> pkg.a (line 2 of pkg.b) -> pkg.b (line 1 of pkg.a)"
    assert hidden["pkg.c"] == []


def test_the_checker_sees_this_project(graph: Graph) -> None:
    """Known edges of each kind, so that a checker that reads nothing cannot pass the rules above."""
    assert len(graph.modules) > 100
    edges = {(i.importer, i.imported, i.kind) for i in graph.imports}
    assert ("watchtower.daemon", "watchtower.jobs", "module") in edges
    assert ("watchtower.cli.run", "watchtower.daemon", "function") in edges
    assert ("watchtower.jobs", "watchtower.store", "type_checking") in edges


# -- a report for people --------------------------------------------------------------------------------------------


def report(graph: Graph) -> str:
    lines = [f"{len(graph.modules)} modules; imports: "
             + ", ".join(f"{len(graph.of_kind(k))} {k}" for k in ("module", "function", "type_checking"))]
    cycles = graph.cycles()
    lines.append(f"\ncycles among module-level imports: {len(cycles)}")
    lines += [f"  {show(c)}" for c in cycles]
    lines.append("\nimporters of the daemon:")
    lines += [f"  {i} ({i.kind})" for i in graph.importers_of(DAEMON)]
    lines.append("\nbreaches of the layers:")
    lines += [f"  {b}" for b in layer_breaches(graph)] or ["  none"]
    for kind in ("function", "type_checking"):
        lines.append(f"\n{kind} imports (a * marks one that would close a cycle at module level):")
        for imp in sorted(graph.of_kind(kind), key=lambda i: (i.importer, i.line)):
            hidden = graph.hides_cycle(imp)
            lines.append(f"  {'*' if hidden else ' '} {imp}" + (f"   [{show(hidden)}]" if hidden else ""))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(report(Graph.read()) + "\n")
