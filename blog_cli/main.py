"""The `blog` command (see README)."""
import click


@click.group()
def cli():
    """Author and operate the serverless blog."""
