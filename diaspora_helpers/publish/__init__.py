"""Everything behind ``make run``: request parsing, executing notebooks, staging and the
atomic swap, the site and the benchmark. Only the command line (``__main__``) imports it.
"""
