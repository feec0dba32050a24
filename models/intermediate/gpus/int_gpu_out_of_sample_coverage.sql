{#
    How well each of the paper's GPU fits predicted the 2020-2025 datasheet
    peaks (int_gpu_peaks_checked_out_of_sample), per fit: peaks compared,
    inside the 95 % prediction interval, the same for the GPUs launched after
    the fit's data (truly out of sample), and the median datasheet / fit ratio.
#}
with checked as (
    select * from {{ ref('int_gpu_peaks_checked_out_of_sample') }}
),

final as (
    select
        paper_trend_id,
        paper_fit_role,
        count(*) as n_peaks,
        count(*) filter (where is_inside_paper_fit_pred95) as n_inside_pred95,
        count(*) filter (where is_after_paper_fit_data) as n_after_fit_data,
        count(*) filter (where is_after_paper_fit_data and is_inside_paper_fit_pred95)
            as n_after_fit_data_inside_pred95,
        median(datasheet_to_paper_fit_ratio) as median_datasheet_to_fit_ratio
    from checked
    group by paper_trend_id, paper_fit_role
)

select * from final
