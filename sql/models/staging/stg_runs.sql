with

source as (
    select * from {{ source('raw', 'runs') }}
),

renamed as (
    select
        -- ids
        run_id,
        flow_run_id,
        -- text
        status,
        sources,
        dbt_status,
        code_version,
        models_version,
        host,
        message,
        -- numerics
        files_seen,
        documents_loaded,
        quotes_loaded,
        figures_loaded,
        quarantined,
        documents_unchanged,
        timings,
        -- timestamps
        started_at,
        finished_at
    from source
)

select * from renamed
