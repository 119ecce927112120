"""parley code --engine dask writes what one process writes."""
from tests.test_cli import parley, write


def test_code_with_the_dask_engine_gives_the_single_process_output(tmp_path):
    folder = tmp_path / "news"
    texts = ["Russian drones attacked Kharkiv on Tuesday, the governor said.",
             "Ukraine and Russia exchanged 150 prisoners each on Friday, with the UAE mediating.",
             "Protesters marched in Tbilisi against the government's decision to suspend EU talks.",
             "The weather was mild across the region on Sunday."]
    for i, text in enumerate(texts):
        write(folder / f"{i:02d}.txt", text + "\n")
    local = parley("code", folder, "--format", "jsonl", "--date", "2025-03-07", "--quiet")
    dask = parley("code", folder, "--format", "jsonl", "--date", "2025-03-07", "--quiet", "--engine", "dask",
                  "--workers", "2")
    assert local.code == dask.code == 0, dask
    assert dask.out == local.out and len(dask.docs()) == 4
