{#
    One row per GPU x LLM precision the LLM serving model can price: the dense
    peak its kernels run at (the first of the precision's peak_number_formats
    the GPU has: fp4 on Hopper runs at the fp8 rate), the TDP of that peak's
    row and the memory bandwidth and capacity (int_gpu_memory). GPUs without a
    bandwidth or a peak at the precision have no row.
#}
with peaks as (
    select
        gpu_id,
        number_format,
        tflops,
        watts
    from {{ ref('int_gpu_peaks_by_number_format') }}
),

accelerator_memory as (
    select * from {{ ref('stg_extension__accelerator_memory') }}
    where gpu_id is not null
),

memory as (
    select * from {{ ref('int_gpu_memory') }}
),

number_formats as (
    select * from {{ ref('stg_project__llm_number_formats') }}
),

-- fp4 is in no GPU peak seed: read it from the accelerator memory seed, at the fp8 row's TDP
fp4_peaks as (
    select
        accelerator_memory.gpu_id,
        'fp4' as number_format,
        accelerator_memory.fp4_dense_tflops as tflops,
        peaks.watts
    from accelerator_memory
    inner join peaks on accelerator_memory.gpu_id = peaks.gpu_id and peaks.number_format = 'fp8'
    where accelerator_memory.fp4_dense_tflops is not null
),

all_peaks as (
    select * from peaks
    union all
    select * from fp4_peaks
),

preferred as (
    select
        all_peaks.gpu_id,
        number_formats.precision,
        number_formats.bytes_per_parameter,
        all_peaks.number_format as peak_number_format,
        all_peaks.tflops as peak_tflops,
        all_peaks.watts as tdp_watts,
        row_number() over (
            partition by all_peaks.gpu_id, number_formats.precision
            order by list_position(number_formats.peak_number_formats, all_peaks.number_format)
        ) as preference
    from number_formats
    inner join all_peaks on list_contains(number_formats.peak_number_formats, all_peaks.number_format)
),

final as (
    select
        preferred.gpu_id,
        preferred.precision,
        preferred.bytes_per_parameter,
        preferred.peak_number_format,
        preferred.peak_tflops,
        preferred.tdp_watts,
        memory.memory_bandwidth_tbs,
        memory.memory_gb,
        memory.memory_source
    from preferred
    inner join memory on preferred.gpu_id = memory.gpu_id
    where preferred.preference = 1 and memory.memory_bandwidth_tbs is not null
)

select * from final
