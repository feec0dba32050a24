{#
    The coefficients of every calibration candidate fitted on all calibration
    points, with the unscaled covariance (X'X)^-1 for prediction intervals:
    one row per candidate x pair of terms (term_i = term_j: the coefficient
    and its variance). The DuckDB macro estimate_measured_joules reads the
    chosen candidate's rows.
#}
with terms as (
    select * from {{ ref('int_calibration_terms') }}
),

final as (
    select
        cast(terms.candidate_id as varchar) as candidate_id,
        cast(terms.term_i as varchar) as term_i,
        cast(terms.term_j as varchar) as term_j,
        cast(terms.term_index as integer) as term_index,
        cast(terms.estimate as double) as estimate,
        cast(terms.unscaled_covariance as double) as unscaled_covariance,
        cast(sqrt(terms.unscaled_covariance) * terms.residual_std_error as double) as std_error,
        cast(terms.uses_offset as boolean) as uses_offset,
        cast(terms.n_points as integer) as n_points,
        cast(terms.degrees_of_freedom as integer) as degrees_of_freedom,
        cast(terms.residual_std_error as double) as residual_std_error,
        cast(terms.t_critical as double) as t_critical,
        cast(terms.is_chosen as boolean) as is_chosen
    from terms
)

select * from final
