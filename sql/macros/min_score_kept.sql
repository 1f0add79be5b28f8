{#- The lowest similarity any clustering rule accepts: scored pairs under it can never match. -#}
{% macro min_score_kept() -%}
    {{ [var('quote_cluster_min_similarity'), var('quote_cluster_unattributed_min_similarity')] | min }}
{%- endmacro %}
