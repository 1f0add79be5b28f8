with

source as (
    select * from {{ source('raw', 'quotes') }}
),

renamed as (
    select
        -- ids
        quote_id,
        doc_id,
        run_id,
        -- text
        text,
        kind,
        speaker as speaker_in_document,
        speaker_mention,
        cue,
        attribution_method,
        sentence,
        extraction_method,
        -- numerics
        start_char,
        end_char,
        speaker_start,
        speaker_end,
        paragraph_index,
        end_char - start_char as n_chars,
        -- booleans
        speaker is not null as is_attributed
    from source
)

select * from renamed
