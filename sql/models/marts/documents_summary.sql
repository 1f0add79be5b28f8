with

documents as (
    select * from {{ ref('stg_documents') }}
),

quotes as (
    select * from {{ ref('int_quotes_joined_to_speakers') }}
),

figures as (
    select * from {{ ref('stg_figures') }}
),

quote_counts as (
    select
        doc_id,
        count(*) as n_quotes,
        count(*) filter (where kind = 'full') as n_full_quotes,
        count(*) filter (where kind = 'partial') as n_partial_quotes,
        count(*) filter (where kind = 'scare') as n_scare_quotes,
        count(*) filter (where speaker is not null) as n_attributed_quotes,
        count(distinct speaker) as n_speakers
    from quotes
    group by doc_id
),

figure_counts as (
    select
        doc_id,
        count(*) as n_figures
    from figures
    group by doc_id
),

quote_spans_ordered as (
    -- quotes can nest (a scare quote inside a full one), so quoted text is measured on merged spans
    select
        doc_id,
        start_char,
        end_char,
        max(end_char) over (
            partition by doc_id order by start_char, end_char rows between unbounded preceding and 1 preceding
        ) as previous_max_end_char
    from quotes
),

quote_spans_numbered as (
    select
        *,
        sum(case when previous_max_end_char is null or start_char > previous_max_end_char then 1 else 0 end) over (
            partition by doc_id order by start_char, end_char rows between unbounded preceding and current row
        ) as span_number
    from quote_spans_ordered
),

merged_quote_spans as (
    select
        doc_id,
        span_number,
        min(start_char) as start_char,
        max(end_char) as end_char
    from quote_spans_numbered
    group by doc_id, span_number
),

quoted_text as (
    select
        merged_quote_spans.doc_id,
        sum(merged_quote_spans.end_char - merged_quote_spans.start_char) as n_quoted_chars,
        sum(len(regexp_extract_all(
            substr(documents.text, merged_quote_spans.start_char + 1,
                merged_quote_spans.end_char - merged_quote_spans.start_char),
            '\S+'
        ))) as n_quoted_words
    from merged_quote_spans
    inner join documents on merged_quote_spans.doc_id = documents.doc_id
    group by merged_quote_spans.doc_id
),

documents_summarized as (
    select
        documents.doc_id,
        documents.outlet,
        documents.has_known_outlet,
        documents.title,
        documents.published_at,
        documents.n_chars,
        documents.n_words,
        coalesce(quote_counts.n_quotes, 0) as n_quotes,
        coalesce(quote_counts.n_full_quotes, 0) as n_full_quotes,
        coalesce(quote_counts.n_partial_quotes, 0) as n_partial_quotes,
        coalesce(quote_counts.n_scare_quotes, 0) as n_scare_quotes,
        coalesce(quote_counts.n_attributed_quotes, 0) as n_attributed_quotes,
        coalesce(figure_counts.n_figures, 0) as n_figures,
        coalesce(quote_counts.n_speakers, 0) as n_speakers,
        coalesce(quoted_text.n_quoted_chars, 0) as n_quoted_chars,
        coalesce(quoted_text.n_quoted_words, 0) as n_quoted_words,
        round(coalesce(quoted_text.n_quoted_chars, 0) / nullif(documents.n_chars, 0), 4) as quoted_char_share,
        round(coalesce(quoted_text.n_quoted_words, 0) / nullif(documents.n_words, 0), 4) as quoted_word_share,
        documents.n_removed_lines,
        coalesce(documents.removed_lines, []::varchar[]) as removed_lines,
        documents.joined_wrapped_lines
    from documents
    left join quote_counts on documents.doc_id = quote_counts.doc_id
    left join figure_counts on documents.doc_id = figure_counts.doc_id
    left join quoted_text on documents.doc_id = quoted_text.doc_id
)

select * from documents_summarized
