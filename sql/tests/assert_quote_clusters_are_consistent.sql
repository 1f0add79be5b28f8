-- Every quote cluster spans at least two documents, has one speaker, one canonical wording, and an id that is
-- the md5 of its sorted member quote_ids.
select
    cluster_id,
    count(distinct doc_id) as n_documents,
    count(distinct speaker) as n_speakers,
    count(*) filter (where is_canonical) as n_canonical
from {{ ref('quote_clusters') }}
group by cluster_id
having count(distinct doc_id) < 2
    or count(distinct speaker) > 1
    or count(*) filter (where is_canonical) != 1
    or cluster_id != md5(string_agg(quote_id, ',' order by quote_id))
