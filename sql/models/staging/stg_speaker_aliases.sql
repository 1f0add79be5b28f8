with

source as (
    select * from {{ source('raw', 'speaker_aliases') }}
),

renamed as (
    select
        speaker as speaker_in_document,
        canonical_speaker
    from source
)

select * from renamed
