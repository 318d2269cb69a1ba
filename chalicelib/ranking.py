"""Search ranking: which posts match every query word, best first. Pure, no AWS."""
import math

MAX_QUERY_TERMS = 8


def rank(postings, total_posts, cutoff):
    """Listing keys in every posting, best first; keys above ``cutoff`` are not yet due.

    ``postings`` holds one ``{listing key: weight}`` per query word. A word
    found in few posts counts more (inverse document frequency).
    """
    if not postings or not all(postings):
        return []
    candidates = set.intersection(*(set(posting) for posting in postings))
    scores = {}
    for key in candidates:
        if key > cutoff:
            continue
        scores[key] = sum(posting[key] * math.log(1 + max(total_posts, 1) / len(posting))
                          for posting in postings)
    return sorted(scores, key=lambda key: (scores[key], key), reverse=True)
