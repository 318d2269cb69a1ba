"""The project's own exceptions, raised at the storage edge and by readers."""


class BlogError(Exception):
    """Base class for every error the blog raises on purpose."""


class NotFound(BlogError):
    """The URL names nothing the blog can show."""


class StorageUnavailable(BlogError):
    """S3 or DynamoDB failed; the reader gets the themed error page."""


class ContentError(BlogError):
    """A source file cannot be published; carries where and why."""

    def __init__(self, reason, line=None, key=None):
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.key = key

    def __str__(self):
        where = self.key or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.reason}" if where else self.reason


class InvalidSiteConfig(BlogError):
    """site.yaml (or the stored settings) break the contract."""

    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = list(problems)
