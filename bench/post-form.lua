-- wrk script: POST a ~1 KB form, as a browser would send the contact form, and print one
-- machine-readable line at the end.
local question = string.rep("Hur söker jag bygglov för ett uterum? ", 26)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "text/html"
wrk.body = "email=anna.andersson%40example.se&question=" .. question:gsub("[^%w]", function(c)
  return string.format("%%%02X", string.byte(c))
end)

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors, summary.requests))
end
