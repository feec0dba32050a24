"""Energy per inference of your own models, by the warehouse's SQL macros.

One model from flags, or a file of models (CSV or Parquet). Two methods, the same macros a SQL
user calls (persisted in the warehouse file by ./scripts/build, so the numbers are the marts'):

  the paper's method     --gflops G --date YYYY-MM-DD --domain cv|nlp
                         marts.joules_per_inference: Joules on one GPU at its peak, with the
                         interval of the fitted mean (mean_ci95) and of one GPU (pred95)
  measured-system        --gflops G --gpu GPU_ID --precision fp32|tf32|fp16|bf16|fp8|int8
                         [--scenario offline|server]
                         marts.estimate_measured_joules: what MLPerf would measure (the whole
                         system at the wall), with its 95 % prediction interval
  an LLM request         --params-millions P [--active-params-millions A] --input-tokens I
                         --output-tokens O --gpu GPU_ID --precision fp4|fp8|int8|fp16|bf16
                         [--scenario offline|server]
                         marts.estimate_llm_joules: Joules per request on an 8-GPU server at
                         the wall (the LLM serving model), its 95 % prediction interval

A file is the warehouse's catalogue format (README): `name`; `gflops`, or `params_millions` and
`input_tokens` (2 FLOPs per parameter per token); per row either `date` and `domain` or
`gpu_id` and `precision` (optional `scenario`, default offline); optional `inferences_per_day`
(kWh per year in the output). An LLM line gives `params_millions`, `input_tokens`,
`output_tokens` (optional `active_params_millions` for a mixture of experts), `gpu_id` and
`precision`; its `inferences_per_day` counts requests. Optional `region` (a region_code of
marts.dim_grid_regions: FRA, USA, WORLD, gcp:europe-west1 ...): with inferences_per_day, gCO2e per
year at the facility (marts.inference_footprint: x the default PUE x the region's grid intensity).
Optional `flops_convention` (flops, or multiply_adds: doubled). A line's key is name, gpu_id,
precision and scenario: one model may run on several GPUs under one name.
Every row is checked first by the warehouse's own rules (marts.catalogue_line_reasons, the
rules of fct_catalogue_rejects): a bad row is reported with its line and every rule it breaks,
and nothing is written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from inference_energy import REPO
from inference_energy.catalogue import calibrated_ranges, precheck

DEFAULT_DB = REPO / "warehouse" / "inference_energy.duckdb"

ESTIMATE_SQL = """
-- one pass over the file, one projection: the output keeps the file's order (a union of the
-- three methods would not) and still streams; a CASE evaluates its branch only for its rows
with models as (
    select *,
        case
            when gpu_id is null then 'paper_method'
            when output_tokens is null and active_params_millions is null then 'measured_system'
            else 'llm_serving'
        end as method
    from input_models
),
priced as (
    select name, method, inferences_per_day, region, output_tokens, gflops, gpu_id, precision, active_params_millions,
        params_millions,
        case when method <> 'paper_method' then coalesce(scenario, 'offline') end as scenario,
        case when method = 'paper_method' then
            marts.joules_per_inference(gflops, marts.catalogue_release_date(date), domain) end as paper,
        case when method = 'measured_system' then
            marts.estimate_measured_joules(gflops, gpu_id, precision, coalesce(scenario, 'offline')) end as measured,
        case when method = 'llm_serving' then
            marts.estimate_llm_joules(params_millions / 1000, coalesce(active_params_millions, params_millions) / 1000,
                input_tokens, output_tokens, gpu_id, precision, coalesce(scenario, 'offline')) end as llm
    from models
),
estimates as (
    -- an LLM line per request: the per-token interval times the request's output tokens
    select name, method,
        coalesce(paper.joules_per_inference, measured.predicted_joules_per_sample, llm.joules_per_request) as joules,
        paper.mean_ci95_low, paper.mean_ci95_high,
        coalesce(paper.pred95_low, measured.pred95_low_joules_per_sample,
            llm.pred95_low_joules_per_output_token * output_tokens) as pred95_low,
        coalesce(paper.pred95_high, measured.pred95_high_joules_per_sample,
            llm.pred95_high_joules_per_output_token * output_tokens) as pred95_high,
        paper.is_extrapolated,
        -- what was priced: the GPU, precision, scenario and GFLOPs (of one inference; null for an LLM
        -- request, priced from its parameters and tokens)
        gpu_id, precision, scenario, case when method <> 'llm_serving' then gflops end as gflops,
        -- outside the data its model was fitted on (ranges: calibrated_ranges, read once per run)
        case method
            when 'paper_method' then paper.is_extrapolated
            when 'measured_system' then gflops not between {measured_low} and {measured_high}
            -- a dense model's active parameters are its parameters
            else coalesce(active_params_millions, params_millions) / 1000 not between {llm_low} and {llm_high}
        end as is_outside_calibrated_range,
        case method
            when 'paper_method' then {paper_range}
            when 'measured_system' then {measured_range}
            else {llm_range}
        end as calibrated_range,
        inferences_per_day, region
    from priced
)
-- kWh per year = J x inferences (requests) per day x 365 days / 3.6e6 J per kWh (at the IT
-- equipment); gCO2e per year at the facility, by the warehouse's footprint macro (x PUE)
select * exclude (inferences_per_day, region), joules * inferences_per_day * 365 / 3.6e6 as kwh_per_year,
    region, case when region is not null then
        -- coalesce: the macro's unknown-region error would fire on a line with no region
        marts.inference_footprint(joules * inferences_per_day * 365, coalesce(region, 'WORLD')).gco2e end
        as gco2e_per_year
from estimates
"""

# The rules are the warehouse's (macros/catalogue.sql, persisted as marts.catalogue_line_reasons):
# the same sentences as fct_catalogue_rejects, so a file passes here exactly when dbt prices it.
CHECKS_SQL = """
-- a line's key: its name on its GPU, precision and scenario (one model on several GPUs keeps
-- one name), as one text (chr(31) apart, chr(30) for a null: a name with either is rejected anyway)
with models as (
    select row_number() over () + 1 as line, *,
        concat_ws(chr(31), name, coalesce(gpu_id, chr(30)), coalesce(precision, chr(30)), coalesce(scenario, chr(30)))
            as line_key
    from input_models
),
repeated as (select line_key from models where name is not null group by line_key having count(*) > 1),
-- the line lists only for repeated keys: listing a million unique names costs a second
names as (
    select line_key, count(*) as n_same_name, string_agg(cast(line as varchar), ', ' order by line) as lines_of_name
    from models semi join repeated using (line_key) group by line_key
),
checked as (
    select models.line, models.name, marts.catalogue_line_reasons(
        models.name, models.gflops, models.params_millions, models.input_tokens, models.date, models.domain,
        models.gpu_id, models.precision, models.scenario, models.inferences_per_day,
        models.active_params_millions, models.output_tokens, models.region, models.flops_convention,
        names.n_same_name, names.lines_of_name
    ) as reasons
    from models left join names on models.line_key = names.line_key
)
select line, name, reasons from checked where reasons <> '' order by line
"""

# A valid file (the usual case) is checked in one streaming pass, without line numbers: the
# rules with no key repeated, and repeated keys found on 8-byte hashes of name, GPU, precision and
# scenario. Only when that finds something (a bad line, a repeated name, or two names with one hash) is the file
# loaded with its line numbers and checked by CHECKS_SQL, which says which line breaks which rule.
FAST_CHECKS_SQL = """
select coalesce(sum(lines), 0), coalesce(sum(bad_lines), 0), count(*) filter (where lines > 1)
from (
    select
        hash(name, gpu_id, precision, scenario) as name_hash,
        count(*) as lines,
        count(*) filter (where marts.catalogue_line_reasons(
            name, gflops, params_millions, input_tokens, date, domain,
            gpu_id, precision, scenario, inferences_per_day, active_params_millions, output_tokens, region,
            flops_convention, null, null
        ) <> '') as bad_lines
    from input_models
    group by name_hash
)
"""
COLUMNS = (
    "name", "gflops", "params_millions", "input_tokens", "date", "domain",
    "gpu_id", "precision", "scenario", "inferences_per_day", "active_params_millions", "output_tokens", "region",
    "flops_convention",
)  # fmt: skip
# as the catalogue's staging model reads them: trimmed, empty = null, labels lower-cased
LOWER_CASED = ("domain", "gpu_id", "precision", "scenario", "flops_convention")


# How a CSV catalogue is read, here and by dbt (models/staging/catalogue/_catalogue__sources.yml, tested
# equal): every value text, '"' quotes and escapes declared, strict, so the whole file is read
# with one dialect and a malformed line anywhere is an error, never a guess from a sample
CSV_OPTIONS = "all_varchar = true, header = true, quote = '\"', escape = '\"', strict_mode = true"


class InputError(Exception):
    """Bad input: the message says what and where."""


def parse_args(argv: list[str] | None = None, prog: str = "scripts/estimate") -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=prog,
        description=__doc__.split("\n\n")[0],
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    one = parser.add_argument_group("one model")
    one.add_argument("--name", default="my model", help="a label for the output (default: my model)")
    one.add_argument("--gflops", type=float, help="GFLOPs of one inference (a multiply-add counts 2 FLOPs)")
    one.add_argument("--date", help="release date, YYYY-MM-DD (the paper's method)")
    one.add_argument("--domain", choices=("cv", "nlp"), help="cv or nlp (the paper's method)")
    one.add_argument("--gpu", dest="gpu_id", help="a gpu_id of marts.dim_gpus, e.g. h100_sxm5 (measured-system)")
    one.add_argument(
        "--precision", help="serving precision: fp32, tf32, fp16, bf16, fp8 or int8 (a number format with GPU peaks)"
    )
    one.add_argument("--scenario", choices=("offline", "server"), help="MLPerf scenario (default offline)")
    one.add_argument("--params-millions", dest="params_millions", type=float, help="parameters, millions (an LLM)")
    one.add_argument(
        "--active-params-millions",
        dest="active_params_millions",
        type=float,
        help="parameters active per token, millions (a mixture of experts; default all)",
    )
    one.add_argument("--input-tokens", dest="input_tokens", type=float, help="prompt tokens per request (an LLM)")
    one.add_argument("--output-tokens", dest="output_tokens", type=float, help="generated tokens per request (an LLM)")
    one.add_argument(
        "--inferences-per-day",
        dest="inferences_per_day",
        type=float,
        help="inferences (requests) per day: kWh per year",
    )
    one.add_argument(
        "--region",
        help="a region_code of marts.dim_grid_regions (FRA, USA, WORLD, gcp:europe-west1 ...): gCO2e per year",
    )
    one.add_argument(
        "--flops-convention",
        dest="flops_convention",
        choices=("flops", "multiply_adds"),
        help="what --gflops counts: flops (default) or multiply_adds (as timm prints them; doubled: 2 FLOPs each)",
    )
    many = parser.add_argument_group("a file of models")
    many.add_argument("--input", type=Path, help="CSV or Parquet with columns " + ", ".join(COLUMNS))
    many.add_argument("--output", type=Path, help="write the estimates here (.csv or .parquet) instead of printing")
    many.add_argument(
        "--memory-limit",
        default="1GB",
        help="DuckDB's memory limit for a file (default 1GB): beyond it the work spills to a temporary "
        "folder on disk, so a file of any size fits; raise it on a large machine for speed",
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=Path(os.environ.get("INFERENCE_ENERGY_DB", DEFAULT_DB)),
        help="the warehouse file (default: $INFERENCE_ENERGY_DB or warehouse/inference_energy.duckdb)",
    )
    args = parser.parse_args(argv)
    one_model = args.gflops is not None or args.output_tokens is not None
    if (args.input is None) != one_model:
        parser.error("give either --gflops or --output-tokens (one model) or --input FILE")
    return args


def load_input(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> list[str]:
    """The models as view input_models, every column as text (checked before any cast); the
    columns present."""
    if args.input is None:
        row = {c: getattr(args, c, None) for c in COLUMNS}
        # numbers as Python writes them back (repr), checked by the same rules as a file's text
        for column in ("gflops", "params_millions", "active_params_millions", "input_tokens", "output_tokens"):
            row[column] = None if row[column] is None else repr(row[column])
        if row["inferences_per_day"] is not None:
            row["inferences_per_day"] = repr(row["inferences_per_day"])
        values = ", ".join("null" if v is None else "'" + str(v).replace("'", "''") + "'" for v in row.values())
        con.execute(f"create temp view raw_input as select * from (values ({values})) as t({', '.join(COLUMNS)})")
        present = list(COLUMNS)
    else:
        present = read_file(con, args.input)
    input_models_over(con, "raw_input", present)
    return present


def input_models_over(con: duckdb.DuckDBPyConnection, relation: str, present: list[str]) -> None:
    """(Re)define view input_models over `relation`: trimmed, empty = null, labels lower-cased."""
    normalised = []
    for c in COLUMNS:
        value = f"nullif(trim(cast({c} as varchar)), '')" if c in present else "cast(null as varchar)"
        normalised.append(f"{'lower(' + value + ')' if c in LOWER_CASED else value} as {c}")
    con.execute(f"create or replace temp view input_models as select {', '.join(normalised)} from {relation}")


def read_file(con: duckdb.DuckDBPyConnection, path: Path) -> list[str]:
    """The file as view raw_input (a CSV all text; read again by each pass, never held in
    memory); its column names."""
    if path.is_dir():
        raise InputError(f"{path}: a folder, not a file of models")
    if path.exists() and not path.is_file():
        raise InputError(f"{path}: not a regular file (a device, pipe or socket)")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise InputError(f"{path}: the file is empty")
    reader = "read_parquet" if path.suffix.lower() == ".parquet" else "read_csv"
    options = "" if reader == "read_parquet" else f", {CSV_OPTIONS}"
    # a UTF-16 or Latin-1 export said in one sentence, not as DuckDB's error with its SQL
    if reader == "read_csv" and (problem := precheck.encoding_problem(path)):
        raise InputError(f"{path}: {problem}")
    try:
        quoted = str(path).replace("'", "''")
        con.execute(f"create temp view raw_input as select * from {reader}('{quoted}'{options})")
        present = [c for (c,) in con.execute("select column_name from (describe raw_input)").fetchall()]
    except duckdb.Error as err:
        raise InputError(
            f"{path}: cannot be read as {'Parquet' if reader == 'read_parquet' else 'CSV'}: {err}"
        ) from err
    # a column the lines need, said once (not as the same rule on every line)
    if missing := precheck.missing_columns(present):
        found = f" (found {', '.join(present)}; expected {', '.join(COLUMNS)})"
        raise InputError(f"{path}: " + "; ".join(missing) + found)
    return present


def say(args: argparse.Namespace, started: float, message: str) -> None:
    """Progress of a file, one line per phase on stderr (stdout stays the result)."""
    if args.input is not None:
        print(f"  {message} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)


def estimate(db: Path, args: argparse.Namespace):
    """The estimates as a DataFrame, or, with --output, written there (returns the row count)."""
    if not db.is_file():
        raise InputError(f"{db}: no warehouse here; run ./scripts/build first")
    if args.output is not None and not args.output.resolve().parent.is_dir():
        raise InputError(f"--output {args.output}: the folder {args.output.resolve().parent} does not exist")
    if args.output is not None and args.output.is_dir():
        raise InputError(f"--output {args.output}: a folder; name the file to write")
    if args.output is not None and any(
        path is not None and args.output.resolve() == path.resolve() for path in (args.input, db)
    ):
        raise InputError(f"--output {args.output}: that is an input of this run; write the estimates elsewhere")
    started = time.perf_counter()
    con = duckdb.connect(str(db), read_only=True)
    # beside the output (a disk), not in $TMPDIR, which is often memory itself (tmpfs)
    spill = tempfile.TemporaryDirectory(
        prefix=".estimate_spill_", dir=args.output.resolve().parent if args.output is not None else None
    )
    try:
        if args.input is not None:
            try:
                con.execute(f"set memory_limit = '{args.memory_limit.replace(chr(39), '')}'")
            except duckdb.Error as err:
                raise InputError(f"--memory-limit {args.memory_limit}: {err}") from err
            con.execute(f"set temp_directory = '{spill.name.replace(chr(39), chr(39) * 2)}'")
        if args.input is not None and sys.stderr.isatty():
            # DuckDB's own progress bar for the long queries of a large file
            con.execute("set enable_progress_bar = true")
        present = load_input(con, args)
        try:  # the first full read of the file: where a malformed CSV or Parquet shows
            [(n_rows, n_bad, n_repeated_hashes)] = con.execute(FAST_CHECKS_SQL).fetchall()
        except duckdb.Error as err:
            raise InputError(f"{args.input or 'the arguments'}: cannot be read or checked: {err}") from err
        if n_rows == 0:
            raise InputError(f"{args.input}: no rows after the header")
        if args.input is not None:
            say(args, started, f"read {n_rows:,} row(s) from {args.input}")
        if n_bad or n_repeated_hashes:
            if args.input is not None:  # the lines in the file's order, numbered
                con.execute("create temp table raw_lines as select * from raw_input")
                input_models_over(con, "raw_lines", present)
            problems = con.execute(CHECKS_SQL).fetchall()
            if args.input is None:
                lines = [f"arguments: {rule}" for _, _, rule in problems]
            else:  # line 1 is the header
                lines = [f"{args.input} line {line} ({name!r}): {rule}" for line, name, rule in problems]
            if lines:  # none when only two different names shared a hash
                raise InputError("bad input, nothing estimated:\n" + "\n".join(lines))
        say(args, started, "checked: every row is valid")
        con.execute(
            "create temp view typed as select name, "
            "marts.catalogue_gflops(gflops, params_millions, input_tokens, flops_convention) "
            "as gflops, date, domain, gpu_id, precision, scenario, cast(params_millions as double) as params_millions, "
            "cast(active_params_millions as double) as active_params_millions, "
            "cast(input_tokens as double) as input_tokens, cast(output_tokens as double) as output_tokens, "
            "cast(inferences_per_day as double) as inferences_per_day, "
            # the warehouse's spelling of the region (checked to exist, matched without regard to case),
            # from a map built once: a correlated subquery would become a join, which may reorder rows
            "(select map(list(lower(r.region_code)), list(r.region_code)) from marts.dim_grid_regions as r)"
            "[lower(input_models.region)] as region from input_models"
        )
        query = ESTIMATE_SQL.replace("input_models", "typed").format(**calibrated_ranges.literals(con))
        if args.output is None:
            return con.execute(query).df()
        # straight from DuckDB to the file: no DataFrame of a million rows in between
        file_format = "parquet" if args.output.suffix.lower() == ".parquet" else "csv"
        # written beside it, then renamed over it: a failed write (a full disk) leaves no half file
        partial = args.output.with_name(f".{args.output.name}.partial")
        target = str(partial).replace("'", "''")
        try:
            con.execute(f"copy ({query}) to '{target}' (format {file_format})")
            os.replace(partial, args.output)
        except (duckdb.Error, OSError) as err:  # a full disk, a file that cannot be replaced
            if partial.is_file():
                partial.unlink()
            reason = str(err).splitlines()[0]
            raise InputError(f"--output {args.output}: could not be written ({reason}); nothing was written") from err
        say(args, started, f"estimated and written to {args.output}")
        return n_rows if args.input is not None else 1
    finally:
        con.close()
        spill.cleanup()


def main(argv: list[str] | None = None, prog: str = "scripts/estimate") -> int:
    args = parse_args(argv, prog)
    try:
        result = estimate(args.db, args)
    except InputError as err:
        print(f"estimate: {err}", file=sys.stderr)
        return 2
    if args.output is not None:
        print(f"{result} estimate(s) written to {args.output}")
    else:
        with_units = result.rename(
            columns={
                "joules": "joules (J per inference; per request for an LLM)",
                "mean_ci95_low": "mean_ci95 low J",
                "mean_ci95_high": "mean_ci95 high J",
                "pred95_low": "pred95 low J",
                "pred95_high": "pred95 high J",
                "kwh_per_year": "kWh per year",
                "gco2e_per_year": "gCO2e per year",
                "gflops": "GFLOPs used",
                "is_outside_calibrated_range": "outside calibrated range",
            }
        )
        print(with_units.to_string(index=False, float_format=lambda v: f"{v:.4g}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
