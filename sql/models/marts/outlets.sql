with

documents_summary as (
    select * from {{ ref('documents_summary') }}
),

quotes as (
    select * from {{ ref('int_quotes_joined_to_speakers') }}
),

documents as (
    select * from {{ ref('stg_documents') }}
),

outlet_speakers as (
    -- distinct across the outlet's documents (a speaker quoted in two of its articles counts once)
    select
        documents.outlet,
        count(distinct quotes.speaker) as n_speakers
    from quotes
    inner join documents on quotes.doc_id = documents.doc_id
    group by documents.outlet
),

outlet_totals as (
    select
        outlet,
        bool_or(has_known_outlet) as has_known_outlet,
        count(*) as n_documents,
        list(doc_id order by doc_id) as doc_ids,
        sum(n_chars) as n_chars,
        sum(n_words) as n_words,
        sum(n_quotes) as n_quotes,
        sum(n_full_quotes) as n_full_quotes,
        sum(n_partial_quotes) as n_partial_quotes,
        sum(n_scare_quotes) as n_scare_quotes,
        sum(n_attributed_quotes) as n_attributed_quotes,
        sum(n_figures) as n_figures,
        sum(n_quoted_chars) as n_quoted_chars,
        sum(n_quoted_words) as n_quoted_words,
        sum(n_removed_lines) as n_removed_lines
    from documents_summary
    group by outlet
),

outlets_summarized as (
    select
        outlet_totals.outlet,
        outlet_totals.has_known_outlet,
        outlet_totals.n_documents,
        outlet_totals.doc_ids,
        outlet_totals.n_chars,
        outlet_totals.n_words,
        outlet_totals.n_quotes,
        outlet_totals.n_full_quotes,
        outlet_totals.n_partial_quotes,
        outlet_totals.n_scare_quotes,
        outlet_totals.n_attributed_quotes,
        outlet_totals.n_figures,
        coalesce(outlet_speakers.n_speakers, 0) as n_speakers,
        outlet_totals.n_quoted_chars,
        outlet_totals.n_quoted_words,
        round(outlet_totals.n_quoted_chars / nullif(outlet_totals.n_chars, 0), 4) as quoted_char_share,
        round(outlet_totals.n_quoted_words / nullif(outlet_totals.n_words, 0), 4) as quoted_word_share,
        outlet_totals.n_removed_lines
    from outlet_totals
    left join outlet_speakers on outlet_totals.outlet = outlet_speakers.outlet
)

select * from outlets_summarized
