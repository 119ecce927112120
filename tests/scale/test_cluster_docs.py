"""The Slurm and Kubernetes examples of docs/scale.md are valid for the installed dask-jobqueue and
dask-kubernetes, and ask for one-thread workers with the same hash seed."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

DOC = Path(__file__).resolve().parents[2] / "docs" / "scale.md"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def call_kwargs(name: str) -> dict:
    """The keyword arguments of the documented call to ``name``, evaluated."""
    for block in blocks("python"):
        for node in ast.walk(ast.parse(block)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name:
                return {k.arg: ast.literal_eval(k.value) for k in node.keywords}
    raise AssertionError(f"docs/scale.md has no call to {name}")


def test_the_slurm_example_makes_a_job_of_one_thread_workers():
    jobqueue = pytest.importorskip("dask_jobqueue")
    kwargs = call_kwargs("SLURMCluster")
    cluster = jobqueue.SLURMCluster(**kwargs)  # a scheduler here; no job is submitted before scale()
    try:
        script = cluster.job_script()
    finally:
        cluster.close()
    assert "#SBATCH" in script and "--nthreads 1" in script
    assert f"--nworkers {kwargs['processes']}" in script
    assert "OMP_NUM_THREADS=1" in script and "PYTHONHASHSEED=" in script


def test_the_kubernetes_example_makes_one_cpu_workers():
    operator = pytest.importorskip("dask_kubernetes.operator")
    kwargs = call_kwargs("KubeCluster")
    spec = operator.make_cluster_spec(**kwargs)
    worker = spec["spec"]["worker"]
    container = worker["spec"]["containers"][0]
    assert worker["replicas"] == kwargs["n_workers"]
    assert container["resources"]["limits"]["cpu"] == "1"
    assert {"name": "PYTHONHASHSEED", "value": "0"} in container["env"]


def test_the_dask_cluster_resource_is_well_formed():
    docs = [yaml.safe_load(b) for b in blocks("yaml")]
    (cluster,) = [d for d in docs if d.get("kind") == "DaskCluster"]
    worker = cluster["spec"]["worker"]["spec"]["containers"][0]
    args = worker["args"]
    assert args[:2] == ["dask", "worker"] and args[args.index("--nthreads") + 1] == "1"
    assert {"name": "PYTHONHASHSEED", "value": "0"} in worker["env"]
    assert worker["resources"]["limits"]["cpu"] == "1"
    service = cluster["spec"]["scheduler"]["service"]
    assert service["ports"][0]["port"] == 8786
