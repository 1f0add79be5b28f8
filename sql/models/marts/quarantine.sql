with

quarantine as (
    select * from {{ ref('stg_quarantine') }}
),

ordered as (
    select
        quarantine_id,
        stage,
        source_file,
        doc_id,
        locator,
        check_name,
        reason,
        detail,
        schema_name,
        run_id,
        quarantined_at
    from quarantine
)

select * from ordered
