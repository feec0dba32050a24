{#
    fct_inference_energy_2012_2025 reads the paper's method from the same fit
    as the reproduction: on the paper's rows, paper_method_joules equals
    fct_inference_energy.joules_per_inference (relative 1e-9).
#}
{% set failures %}
    with extended as (
        select * from {{ ref('fct_inference_energy_2012_2025') }}
        where dataset = 'paper'
    ),

    reproduced as (
        select * from {{ ref('fct_inference_energy') }}
    ),

    final as (
        select
            'model_id ''' || extended.model_id || ''': paper_method_joules ' || extended.paper_method_joules
            || ' but fct_inference_energy has ' || coalesce(cast(reproduced.joules_per_inference as varchar), 'no row')
            as failure_message
        from extended
        left join reproduced on extended.model_id = reproduced.model_id
        where
            reproduced.model_id is null
            or abs(extended.paper_method_joules - reproduced.joules_per_inference)
            > 1e-9 * abs(reproduced.joules_per_inference)
    )

    select * from final
{% endset %}
{{ failing_rows("the paper's method gives the paper's energies on the paper's rows", failures) }}
