-- documents_summary and outlets count the same quotes, figures and documents as the base marts, and every
-- attributed quote is counted for exactly one speaker.
select 'documents_summary.n_quotes' as check_name
where (select sum(n_quotes) from {{ ref('documents_summary') }}) != (select count(*) from {{ ref('quotes') }})
union all
select 'documents_summary.n_figures'
where (select sum(n_figures) from {{ ref('documents_summary') }}) != (select count(*) from {{ ref('figures') }})
union all
select 'outlets.n_documents'
where (select sum(n_documents) from {{ ref('outlets') }}) != (select count(*) from {{ ref('documents') }})
union all
select 'outlets.n_quotes'
where (select sum(n_quotes) from {{ ref('outlets') }}) != (select count(*) from {{ ref('quotes') }})
union all
select 'speakers.n_quotes'
where (select sum(n_quotes) from {{ ref('speakers') }})
    != (select count(*) from {{ ref('quotes') }} where speaker is not null)
union all
select 'documents_summary.quoted_word_share'
where exists (select 1 from {{ ref('documents_summary') }} where quoted_word_share > 1 or quoted_char_share > 1)
