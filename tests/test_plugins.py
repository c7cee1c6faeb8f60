"""The Datasette plugins: registered through the package's ``datasette`` entry points, so that a plain
``Datasette`` (or ``datasette serve``) of a published snapshot is the same site as ``tracker serve``."""

import importlib.metadata
import json
import subprocess
import sys

import pluggy
import pytest
from datasette.app import Datasette
from datasette.plugins import pm
from datasette.utils import parse_metadata

from site_client import get, get_json
from test_publish import CLAIMS, build, make_claim
from tracker import plugins
from tracker.publish import publish_snapshot

HOOKS = {"tracker.plugins.context": ["register_routes"], "tracker.plugins.cells": ["render_cell"],
         "tracker.plugins.charts": ["register_routes"], "tracker.plugins.menu": ["menu_links"],
         "tracker.plugins": ["asgi_wrapper", "handle_exception", "prepare_connection"]}  # limits' hooks


def test_the_entry_points_name_every_plugin_module():
    declared = {ep.name: ep.value for ep in importlib.metadata.distribution("tracker").entry_points
                if ep.group == "datasette"}
    assert declared == plugins.PLUGINS
    assert set(plugins.PLUGINS.values()) == set(HOOKS)


def test_datasette_loads_the_plugins_through_the_entry_points():
    loaded = {name: plugin.__name__ for name, plugin in pm.list_name_plugin()}
    assert {name: loaded.get(name) for name in plugins.PLUGINS} == plugins.PLUGINS
    assert {plugin.__name__ for plugin, dist in pm.list_plugin_distinfo()
            if dist.project_name == "tracker"} == set(HOOKS)
    assert plugins.missing(pm) == []


@pytest.mark.parametrize("first", sorted(HOOKS))
def test_each_module_gets_its_hooks_whichever_tracker_module_is_imported_first(first):
    """In a fresh interpreter that imports one plugin module before Datasette loads its plugins, every module
    still gets its hooks (importing Datasette's error handler at the top of limits.py loaded the plugins while
    tracker.plugins was half imported, and its hooks were lost)."""
    check = (f"import {first}\nfrom datasette.plugins import pm\nimport json\n"
             "print(json.dumps({p.__name__: sorted(h.name for h in pm.get_hookcallers(p)) "
             "for p in pm.get_plugins() if p.__name__.startswith('tracker')}))")
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout.splitlines()[-1]) == {module: sorted(hooks) for module, hooks in HOOKS.items()}


def test_a_plugin_manager_without_them_misses_them_all():
    assert plugins.missing(pluggy.PluginManager("datasette")) == list(plugins.PLUGINS)


def test_plugins_json_lists_their_hooks_and_templates(db_path):
    ds = Datasette([str(build(db_path))])  # no template_dir, no registration by hand
    listed = [p for p in get_json(ds, "/-/plugins.json") if p["name"] == "tracker"]
    assert sorted(sorted(p["hooks"]) for p in listed) == sorted(HOOKS.values())
    assert [p["templates"] for p in listed].count(True) == 1


def test_a_plain_datasette_of_the_snapshot_is_the_site(db_path, tmp_path):
    snapshot = publish_snapshot(build(db_path), tmp_path / "site")
    metadata = parse_metadata(snapshot.metadata.read_text(encoding="utf-8"))
    assert metadata["databases"]["claims"]["tables"]["claim_details"]["facets"]
    ds = Datasette(immutables=[str(snapshot.db)], metadata=metadata,
                   inspect_data=json.loads(snapshot.inspect.read_text(encoding="utf-8")))
    claim_id = make_claim(*CLAIMS[0]).id
    page = get(ds, f"/-/claim/{claim_id}")
    assert page.status_code == 200 and "<h1>Claim in context</h1>" in page.text  # the plugin's template
    assert "dl.column-descriptions { display: grid" in get(ds, "/claims/claim_details").text  # its table.html
    assert f'href="/-/claim/{claim_id}"' in get(ds, "/claims/claims").text  # its cells
    assert "Quotes per speaker" in get(ds, "/-/charts/speakers").text  # its charts
    assert "Most quoted per month" in get(ds, "/").text  # its menu links
    assert get_json(ds, "/claims/claim_details.json")["facet_results"]  # the metadata written beside it
