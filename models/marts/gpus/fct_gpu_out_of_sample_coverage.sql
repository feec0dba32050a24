{#
    Per paper GPU fit: how many 2020-2025 datasheet peaks its 95 % prediction
    interval holds, overall and for the GPUs launched after its data, and the
    median datasheet / fit ratio (the report's out-of-sample table).
#}
with coverage as (
    select * from {{ ref('int_gpu_out_of_sample_coverage') }}
),

final as (
    select
        cast(paper_trend_id as varchar) as paper_trend_id,
        cast(paper_fit_role as varchar) as paper_fit_role,
        cast(n_peaks as integer) as n_peaks,
        cast(n_inside_pred95 as integer) as n_inside_pred95,
        cast(n_after_fit_data as integer) as n_after_fit_data,
        cast(n_after_fit_data_inside_pred95 as integer) as n_after_fit_data_inside_pred95,
        cast(median_datasheet_to_fit_ratio as double) as median_datasheet_to_fit_ratio
    from coverage
)

select * from final
