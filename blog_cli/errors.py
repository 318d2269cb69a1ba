"""How the `blog` command fails: a clean message and a non-zero exit, no traceback."""
import click


class ProblemsFound(click.ClickException):
    """Bad input: each problem on its own 'file:line: problem' line, exit 1."""

    def __init__(self, problems, summary=None):
        super().__init__(summary or f"{len(problems)} problem(s)")
        self.problems = list(problems)
        self.summary = summary

    def show(self, file=None):
        """Print the problems (and the summary, if any) to stderr."""
        for problem in self.problems:
            click.echo(problem, err=True)
        if self.summary:
            click.echo(self.summary, err=True)
