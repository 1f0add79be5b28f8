with

source as (
    select * from {{ source('raw', 'quarantine') }}
),

renamed as (
    select
        -- ids
        quarantine_id,
        doc_id,
        run_id,
        -- text
        stage,
        source_file,
        locator,
        "check" as check_name,
        reason,
        detail,
        schema_name,
        -- timestamps
        quarantined_at
    from source
)

select * from renamed
