with

source as (
    select * from {{ source('raw', 'documents') }}
),

renamed as (
    select
        -- ids
        doc_id,
        run_id,
        content_hash,
        -- text
        title,
        text,
        byline,
        dateline,
        coalesce(outlet, doc_id) as outlet,
        outlet is not null as has_known_outlet,
        url,
        story,
        source,
        source_format,
        removed_lines,
        -- numerics
        joined_wrapped_lines,
        n_chars,
        n_words,
        coalesce(len(removed_lines), 0) as n_removed_lines,
        -- timestamps
        published_at,
        loaded_at
    from source
)

select * from renamed
