#!/usr/bin/env python3
"""`meson install` puts the binary, the man page iamlint(1) and the bash, zsh and fish completions
in place, and each says what --help says: every option, the subcommands and the rule ids.

Run by `meson test` from the source root, with IAMLINT naming the binary and BUILD_ROOT the build
directory (installed into a temporary --destdir, nothing is built).
"""
import os
import re
import subprocess
import tempfile
import unittest

IAMLINT = os.path.abspath(os.environ.get("IAMLINT", "build/iamlint"))
BUILD_ROOT = os.path.abspath(os.environ.get("BUILD_ROOT", "build"))


def run(*args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def help_options():
    """Every long option --help lists, e.g. "format"."""
    text = run(IAMLINT, "--help").stdout
    return sorted(set(re.findall(r"^\s+(?:-\w, )?--([a-z][a-z-]*)", text, re.MULTILINE)))


def rule_ids():
    return [line.split()[0] for line in run(IAMLINT, "rules").stdout.splitlines() if line.startswith("IAM")]


class Install(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.TemporaryDirectory()
        done = run("meson", "install", "-C", BUILD_ROOT, "--no-rebuild", "--quiet", "--destdir", cls.scratch.name)
        if done.returncode != 0:
            raise RuntimeError(f"meson install failed: {done.stdout}{done.stderr}")
        prefix = run("meson", "introspect", "--buildoptions", BUILD_ROOT).stdout
        import json
        options = {option["name"]: option["value"] for option in json.loads(prefix)}
        cls.root = cls.scratch.name + options["prefix"]
        data = os.path.join(cls.root, options["datadir"])
        zsh_dir = "vendor-completions" if options["prefix"] == "/usr" else "site-functions"
        cls.files = {
            "binary": os.path.join(cls.root, options["bindir"], "iamlint"),
            "man": os.path.join(cls.root, options["mandir"], "man1", "iamlint.1"),
            "bash": os.path.join(data, "bash-completion", "completions", "iamlint"),
            "zsh": os.path.join(data, "zsh", zsh_dir, "_iamlint"),
            "fish": os.path.join(data, "fish", "vendor_completions.d", "iamlint.fish"),
        }
        cls.options = help_options()
        cls.rules = rule_ids()
        assert len(cls.options) > 20 and len(cls.rules) > 100, (cls.options, len(cls.rules))

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def read(self, what):
        with open(self.files[what], encoding="utf-8") as source:
            return source.read()

    def test_every_file_is_in_place(self):
        for what, path in self.files.items():
            with self.subTest(what):
                self.assertTrue(os.path.isfile(path), path)
        self.assertTrue(os.access(self.files["binary"], os.X_OK))
        self.assertEqual(run(self.files["binary"], "--version").stdout.strip(),
                         run(IAMLINT, "--version").stdout.strip())

    def test_man_page_renders_cleanly_and_documents_every_option(self):
        rendered = run("groff", "-man", "-Tutf8", "-ww", self.files["man"], env={**os.environ, "LC_ALL": "C.UTF-8"})
        self.assertEqual(rendered.returncode, 0)
        self.assertEqual(rendered.stderr, "")
        text = re.sub(r".\x08", "", rendered.stdout)  # no overstrike bold
        for section in ("NAME", "SYNOPSIS", "COMMANDS", "OPTIONS", "EXIT STATUS"):
            self.assertIn(section, text)
        source = self.read("man")
        for option in self.options:
            self.assertIn("\\-\\-" + option.replace("-", "\\-"), source, option)
        self.assertIn("\\-\\-fix", source)

    def test_bash_completes_options_choices_commands_and_rule_ids(self):
        script = self.files["bash"]

        def complete(*words):
            words = ["iamlint", *words]
            program = (f"source {script}; COMP_WORDS=({' '.join(repr(w) for w in words)}); "
                       f"COMP_CWORD={len(words) - 1}; _iamlint; printf '%s\\n' \"${{COMPREPLY[@]}}\"")
            done = run("bash", "-c", program, cwd=tempfile.gettempdir())
            self.assertEqual(done.stderr, "")
            return done.stdout.split()

        self.assertEqual(complete("--for"), ["--format"])
        self.assertEqual(complete("--format", "gi"), ["github", "gitlab"])
        self.assertIn("explain", complete("ex"))
        self.assertIn("IAM201", complete("explain", "IAM20"))
        self.assertIn("IAM201", complete("--select", "IAM2"))
        self.assertEqual(set(complete("--")), {"--" + option for option in self.options})

    def test_zsh_completion_parses_and_names_every_option(self):
        done = run("zsh", "-n", self.files["zsh"])
        self.assertEqual((done.returncode, done.stderr), (0, ""))
        source = self.read("zsh")
        self.assertTrue(source.startswith("#compdef iamlint\n"))
        for option in self.options:
            self.assertRegex(source, rf"--{option}\b", option)
        self.assertIn("IAM201", source)

    def test_fish_completes_options_and_rule_ids(self):
        script = self.files["fish"]

        def complete(line):
            done = run("fish", "--no-config", "-c", f"source {script}; complete -C '{line}'")
            self.assertEqual(done.stderr, "")
            return [entry.split("\t")[0] for entry in done.stdout.splitlines()]

        self.assertIn("--format", complete("iamlint --for"))
        self.assertEqual(sorted(complete("iamlint --format gi")), ["github", "gitlab"])
        self.assertIn("IAM201", complete("iamlint explain IAM20"))
        self.assertIn("explain", complete("iamlint "))


if __name__ == "__main__":
    unittest.main()
