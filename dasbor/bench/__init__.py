"""``python -m dasbor.bench``: how fast and how lean the dashboard is, measured, never asserted.

The benchmark builds (or reuses) a warehouse at a given scale and measures every page under AppTest (cold and
warm), every named query against a straightforward pandas baseline over the same data read from Parquet, the
memory of a real ``streamlit run`` process, and N simultaneous sessions against it. It writes JSON and a
Markdown table (``bench/RESULTS.md``) and reports the goals of issue 7 as pass or miss; tests only check that it
runs and what shape its output has, because timings on a shared machine are not a test.

Modules, one concern each: :mod:`.params` (representative query parameters), :mod:`.warehouse` (build, reuse,
Parquet copy), :mod:`.timing` (stopwatch and statistics), :mod:`.query_timing` and :mod:`.pandas_baseline`
(queries against pandas), :mod:`.page_timing` (AppTest), :mod:`.live_server` (real server: memory and
concurrency), :mod:`.machine`, :mod:`.goals`, :mod:`.results` (tables) and :mod:`.cli`.
"""
