{{ config(materialized="table") }}

-- What the coverage calls each speaker, recovered from the quote's attribution (a heuristic, so only the two
-- most reliable shapes): a title in front of the name in the mention ("former Russian diplomat Boris
-- Bondarev" → "former Russian diplomat") and an apposition right after the full in-document name in the quote
-- sentence ("Alexandra Filippenko, an independent Russian analyst ..., noted" → "independent Russian
-- analyst ..."). Leading articles are dropped; clauses ("who worked at ...") and honorifics are not descriptions.
with

quotes as (
    select * from {{ ref('int_quotes_joined_to_speakers') }}
),

attributions as (
    select distinct
        speaker,
        doc_id,
        speaker_in_document,
        speaker_mention,
        attribution_method,
        sentence,
        regexp_extract(speaker_in_document, '(\S+)$', 1) as surname
    from quotes
    where speaker is not null
),

title_descriptions as (
    select
        speaker,
        doc_id,
        case
            when ends_with(speaker_mention, ' ' || speaker_in_document)
                then left(speaker_mention, length(speaker_mention) - length(speaker_in_document) - 1)
            when not ends_with(speaker_mention, speaker_in_document) and ends_with(speaker_mention, ' ' || surname)
                then left(speaker_mention, length(speaker_mention) - length(surname) - 1)
        end as description,
        'title' as description_source
    from attributions
    where attribution_method != 'pronoun'
),

apposition_descriptions as (
    select
        speaker,
        doc_id,
        -- the words after the first "<name>," (a constant pattern: one compiled regex, not one per row)
        regexp_extract(
            substr(sentence, instr(sentence, speaker_in_document || ',') + length(speaker_in_document) + 1),
            '^\s+([^,;“”"«»]+)', 1
        ) as description,
        'apposition' as description_source
    from attributions
    -- one-word names ("Trump, Putin and ...") are too often the start of a list
    where sentence is not null and speaker_in_document like '% %' and contains(sentence, speaker_in_document || ',')
),

candidate_descriptions as (
    select * from title_descriptions
    union all
    select * from apposition_descriptions
),

descriptions_cleaned as (
    select
        speaker,
        doc_id,
        regexp_replace(trim(description, ' .'), '^(?i:an?|the)\s+', '') as description,
        description_source
    from candidate_descriptions
    where nullif(trim(description), '') is not null
),

descriptions_kept as (
    select *
    from descriptions_cleaned
    where description != ''
        and len(string_split(description, ' ')) <= 20
        and not (description_source = 'apposition' and len(string_split(description, ' ')) < 2)
        and lower(split_part(description, ' ', 1)) not in (
            'who', 'whose', 'which', 'that', 'saying', 'adding', 'noting', 'according', 'meanwhile', 'however',
            'also', 'too', 'said', 'says', 'told', 'added', 'stated', 'and', 'but', 'or', 'in', 'on', 'at',
            'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'he', 'she', 'they'
        )
)

select * from descriptions_kept
