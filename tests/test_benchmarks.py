"""The benchmark suite stays runnable: every module imports and registers its benchmarks.

(``make bench`` itself is not part of the tests: it measures, and takes minutes.)"""

import importlib

import pytest

from benchmarks import MODULES, REGISTRY


@pytest.mark.parametrize("module", MODULES)
def test_every_benchmark_module_imports_and_registers_benchmarks(module):
    importlib.import_module(module)
    assert any(entry.name.startswith(module.rsplit(".", 1)[-1] + ".") for entry in REGISTRY)
