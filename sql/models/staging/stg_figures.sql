with

source as (
    select * from {{ source('raw', 'figures') }}
),

renamed as (
    select
        -- ids
        figure_id,
        doc_id,
        run_id,
        -- text
        surface,
        kind,
        unit,
        qualifier,
        measures,
        date_value,
        extraction_method,
        -- numerics
        start_char,
        end_char,
        value,
        low,
        high,
        -- booleans
        coalesce(is_approximate, false) as is_approximate,
        low is not null and high is not null and low < high as is_range
    from source
)

select * from renamed
