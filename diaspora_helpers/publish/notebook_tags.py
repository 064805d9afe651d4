"""Names the executor writes into a notebook and the site reads back: cell tags and the
notebook metadata key of a run (written once, here, for both)."""

#: The tag papermill reads on the cell of a notebook's parameters.
PARAMETERS_TAG = "parameters"
#: The tag (and cell id) of the cell papermill inserts with the parameters given.
INJECTED_TAG = "injected-parameters"
#: The notebook metadata key of a run: ``parameters`` (as run) and ``files`` (each file the
#: notebook produced, with its SHA-256).
RUN_METADATA = "diaspora_run"
