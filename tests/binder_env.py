"""The Binder environment, built once per test run and shared by every test that needs it.

What repo2docker would build, offline: a copy of the repository (as its
``COPY src/`` makes it), a fresh venv with ``binder/requirements.txt``
installed from the copy's root (the runtime pins and the library, nothing
for testing), then ``binder/postBuild`` run as repo2docker runs it.

Two kinds of test use it:

* nbval runs every notebook with the kernel :data:`KERNEL_NAME`, whose
  Python is this venv's (tests/conftest.py installs the kernelspec and sets
  ``--nbval-kernel-name``). So the one nbval run checks both that the stored
  outputs are still what the code computes and that every notebook runs in
  the Binder environment -- each notebook executes once, not twice.
* tests/test_binder.py inspects the venv (library, no test tools, widget
  extension, postBuild's page config).

Under pytest-xdist the workers share one build: the controlling process
starts it in the background as the run begins (conftest.py), and a worker
that needs it waits on a file lock until it is there. The build lives
in a temporary folder named after the test run (``MATGRAD_TEST_RUN``, set by
the controlling process), which that process removes at the end.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BINDER = REPO / "binder"
KERNEL_NAME = "matgrad-binder"
RUN_VARIABLE = "MATGRAD_TEST_RUN"
IGNORED = (".venv", ".git", "artifacts", "__pycache__", "*.egg-info", ".ipynb_checkpoints", "build",
           ".pytest_cache", ".hypothesis")


class BinderBuildError(RuntimeError):
    """The Binder environment could not be built (the message holds the tool's output)."""


def start_run() -> str:
    """Name this test run (in the controlling process; xdist workers inherit the variable)."""
    os.environ[RUN_VARIABLE] = uuid.uuid4().hex[:12]
    return os.environ[RUN_VARIABLE]


def run_root() -> Path:
    run = os.environ.get(RUN_VARIABLE) or start_run()
    return Path(tempfile.gettempdir()) / f"matgrad-binder-{run}"


def remove_run_root() -> None:
    if os.environ.get(RUN_VARIABLE):
        shutil.rmtree(run_root(), ignore_errors=True)


def runtime_python() -> str:
    version = (BINDER / "runtime.txt").read_text().strip().removeprefix("python-")
    base = getattr(sys, "_base_executable", sys.executable)
    if f"{sys.version_info.major}.{sys.version_info.minor}" == version:
        return base
    uv = shutil.which("uv")
    if uv:
        found = subprocess.run([uv, "python", "find", "--system", version], capture_output=True, text=True,
                               env={**os.environ, "UV_PYTHON_DOWNLOADS": "never"})
        if found.returncode == 0:
            return found.stdout.strip()
    raise BinderBuildError(f"no Python {version} (binder/runtime.txt) on this machine")


def _uv() -> list[str] | None:
    probe = subprocess.run([sys.executable, "-m", "uv", "--version"], capture_output=True)
    if probe.returncode == 0:
        return [sys.executable, "-m", "uv"]
    return [shutil.which("uv")] if shutil.which("uv") else None


def page_config(venv: Path) -> dict:
    """JupyterLab's page config at the environment level (``--level=sys_prefix``)."""
    path = Path(venv) / "etc" / "jupyter" / "labconfig" / "page_config.json"
    return json.loads(path.read_text()) if path.exists() else {}


def _build(root: Path) -> dict:
    repo, venv = root / "repo", root / "venv"
    shutil.copytree(REPO, repo, ignore=shutil.ignore_patterns(*IGNORED))
    python = venv / "bin" / "python"
    # Python writes the .pyc of what it imports (this machine may forbid it for other programs):
    # pip, which repo2docker uses, compiles every installed file at once; here uv installs
    # without compiling (1 s instead of 12 s) and the first kernel compiles what it imports.
    env = {k: v for k, v in os.environ.items()
           if k not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONDONTWRITEBYTECODE"}}
    uv = _uv()
    if uv:
        subprocess.run([*uv, "venv", "-q", "--python", runtime_python(), str(venv)], check=True, env=env)
        cmd = [*uv, "pip", "install", "-q", "--python", str(python), "-r", "binder/requirements.txt"]
    else:  # plain pip, as repo2docker itself does
        subprocess.run([runtime_python(), "-m", "venv", str(venv)], check=True, env=env)
        cmd = [str(python), "-m", "pip", "install", "-q", "-r", "binder/requirements.txt"]
    proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=1800,
                          stdin=subprocess.DEVNULL)
    if proc.returncode != 0:
        raise BinderBuildError(f"installing binder/requirements.txt failed:\n{proc.stdout}\n{proc.stderr}")
    # a Binder user's Jupyter config starts empty (not this machine's ~/.jupyter)
    config_dir = root / "user-jupyter-config"
    config_dir.mkdir()
    env.update(VIRTUAL_ENV=str(venv), PATH=f"{venv / 'bin'}:{env.get('PATH', '')}",
               JUPYTER_PREFER_ENV_PATH="1", JUPYTER_PATH=str(venv / "share" / "jupyter"),
               JUPYTER_CONFIG_DIR=str(config_dir))
    before = page_config(venv)
    post = subprocess.run(["./binder/postBuild"], cwd=repo, capture_output=True, text=True, env=env,
                          timeout=300, stdin=subprocess.DEVNULL)
    if post.returncode != 0:
        raise BinderBuildError(f"binder/postBuild failed:\n{post.stdout}\n{post.stderr}")
    kernel = root / "kernels" / "kernels" / KERNEL_NAME
    kernel.mkdir(parents=True)
    (kernel / "kernel.json").write_text(json.dumps({
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (the Binder environment)", "language": "python",
        "env": {"PYTHONDONTWRITEBYTECODE": ""},  # empty: the kernels may write .pyc files
    }))
    return {"repo": str(repo), "venv": str(venv), "python": str(python), "env": env,
            "page_config_before": before, "kernels": str(root / "kernels")}


def build_in_background() -> threading.Thread:
    """Start building the run's Binder environment in a thread of this process.

    The lock is taken before this returns, so a worker that asks for the
    environment meanwhile waits for this build instead of starting its own.
    Called by the controlling process at start-up, while the xdist workers
    start and collect; a failure is recorded for them to report.
    """
    root = run_root()
    root.mkdir(parents=True, exist_ok=True)
    lock = open(root / ".lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)

    def build():
        try:
            _build_once(root)
        except (BinderBuildError, subprocess.SubprocessError, OSError):
            pass  # recorded in failed.txt; the tests that need the environment report it
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            lock.close()

    thread = threading.Thread(target=build, name="binder-env", daemon=True)
    thread.start()
    return thread


def _build_once(root: Path) -> dict:
    """Under the lock: the environment recorded in ``env.json``, built now if need be."""
    done = root / "env.json"
    if (root / "failed.txt").exists():
        raise BinderBuildError((root / "failed.txt").read_text())
    if not done.exists():
        try:
            built = _build(root / "build")
        except (BinderBuildError, subprocess.SubprocessError, OSError) as error:
            (root / "failed.txt").write_text(str(error))
            raise
        done.write_text(json.dumps(built))
    return json.loads(done.read_text())


def binder_env() -> dict:
    """The run's Binder environment, built by whichever process asks first.

    ``{"repo", "venv", "python", "env", "page_config_before", "kernels"}``:
    the repository copy, the venv and its Python, the environment variables
    of a Binder session, JupyterLab's page config before postBuild ran, and
    a Jupyter data folder holding the :data:`KERNEL_NAME` kernelspec.
    """
    root = run_root()
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build_once(root)
