{{ config(materialized="table") }}

-- One row per distinct wording, (speaker, normalized_text), among the matchable quotes (speaker may be NULL).
-- Wire copy prints one statement verbatim in many documents, so the clustering chain (blocking, scoring,
-- matching, label propagation) works on wordings and int_quotes_clustered expands the result to quotes: the
-- work follows the number of distinct wordings, not the number of quotes.
-- Pairs must come from different documents. A pair of wordings has quotes in two different documents unless
-- both occur in one and the same single document, so only_doc_id (the document of a wording that occurs in
-- just one) is all the blocking needs to keep that rule.
with

quotes as (
    select * from {{ ref('int_quotes_normalized_for_matching') }}
),

wordings as (
    select
        wording_id,
        any_value(speaker) as speaker,
        any_value(normalized_text) as normalized_text,
        any_value(n_words) as n_words,
        length(any_value(normalized_text)) as n_chars,
        count(*) as n_quotes,
        count(distinct doc_id) as n_documents,
        case when count(distinct doc_id) = 1 then any_value(doc_id) end as only_doc_id
    from quotes
    group by wording_id
)

select * from wordings
