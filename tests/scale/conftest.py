"""One Dask LocalCluster of 2 worker processes for every test of this folder (starting one takes seconds)."""
import pytest


@pytest.fixture(scope="session")
def client():
    pytest.importorskip("distributed")
    from parley.scale import close_cluster, start_cluster

    client = start_cluster(workers=2)
    yield client
    close_cluster(client)
