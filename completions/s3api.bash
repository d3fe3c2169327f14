# bash completion for s3api — generated from the operation tables by `npm run completions`.
_s3api() {
  local cur prev command opts word
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
    --output) COMPREPLY=($(compgen -W "json text table yaml yaml-stream off" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "on off auto" -- "$cur")); return ;;
    --cli-binary-format) COMPREPLY=($(compgen -W "base64 raw-in-base64-out" -- "$cur")); return ;;
    --cli-error-format) COMPREPLY=($(compgen -W "legacy json yaml text table enhanced" -- "$cur")); return ;;
    --request-payer) COMPREPLY=($(compgen -W "requester" -- "$cur")); return ;;
    --generate-cli-skeleton) COMPREPLY=($(compgen -W "input output yaml-input" -- "$cur")); return ;;
    --checksum-type) COMPREPLY=($(compgen -W "COMPOSITE FULL_OBJECT" -- "$cur")); return ;;
    --acl) COMPREPLY=($(compgen -W "private public-read public-read-write authenticated-read aws-exec-read bucket-owner-read bucket-owner-full-control" -- "$cur")); return ;;
    --server-side-encryption) COMPREPLY=($(compgen -W "AES256 aws:fsx aws:kms aws:kms:dsse" -- "$cur")); return ;;
    --storage-class) COMPREPLY=($(compgen -W "STANDARD REDUCED_REDUNDANCY STANDARD_IA ONEZONE_IA INTELLIGENT_TIERING GLACIER DEEP_ARCHIVE OUTPOSTS GLACIER_IR SNOW EXPRESS_ONEZONE FSX_OPENZFS FSX_ONTAP" -- "$cur")); return ;;
    --object-lock-mode) COMPREPLY=($(compgen -W "GOVERNANCE COMPLIANCE" -- "$cur")); return ;;
    --object-lock-legal-hold-status) COMPREPLY=($(compgen -W "ON OFF" -- "$cur")); return ;;
    --checksum-algorithm) COMPREPLY=($(compgen -W "CRC32 CRC32C SHA1 SHA256 CRC64NVME SHA512 MD5 XXHASH64 XXHASH3 XXHASH128" -- "$cur")); return ;;
    --encoding-type) COMPREPLY=($(compgen -W "url" -- "$cur")); return ;;
    --body|--ca-bundle) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  command=""
  local skip_value=""
  for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    if [[ -n "$skip_value" ]]; then skip_value=""; continue; fi
    case "$word" in
      --endpoint-url|--output|--query|--profile|--region|--color|--ca-bundle|--cli-read-timeout|--cli-connect-timeout|--cli-binary-format|--cli-error-format) skip_value=1 ;;
      -*) ;;
      *) command="$word"; break ;;
    esac
  done
  if [[ -z "$command" && "$cur" != -* ]]; then
    COMPREPLY=($(compgen -W "abort-multipart-upload complete-multipart-upload create-multipart-upload list-multipart-uploads list-parts upload-part upload-part-copy help" -- "$cur"))
    return
  fi
  case "$command" in
      abort-multipart-upload) opts="--bucket --key --upload-id --request-payer --expected-bucket-owner --if-match-initiated-time --cli-input-json --cli-input-yaml --generate-cli-skeleton --debug --endpoint-url --no-verify-ssl --no-paginate --output --query --profile --region --version --color --no-sign-request --ca-bundle --cli-read-timeout --cli-connect-timeout --cli-binary-format --no-cli-pager --cli-auto-prompt --no-cli-auto-prompt --cli-error-format" ;;
      complete-multipart-upload) opts="--bucket --key --multipart-upload --upload-id --checksum-crc32 --checksum-crc32-c --checksum-crc64-nvme --checksum-sha1 --checksum-sha256 --checksum-sha512 --checksum-md5 --checksum-xxhash64 --checksum-xxhash3 --checksum-xxhash128 --checksum-type --mpu-object-size --request-payer --expected-bucket-owner --if-match --if-none-match --sse-customer-algorithm --sse-customer-key --sse-customer-key-md5 --parts-from-server --no-parts-from-server --cli-input-json --cli-input-yaml --generate-cli-skeleton --debug --endpoint-url --no-verify-ssl --no-paginate --output --query --profile --region --version --color --no-sign-request --ca-bundle --cli-read-timeout --cli-connect-timeout --cli-binary-format --no-cli-pager --cli-auto-prompt --no-cli-auto-prompt --cli-error-format" ;;
      create-multipart-upload) opts="--acl --bucket --cache-control --content-disposition --content-encoding --content-language --content-type --expires --grant-full-control --grant-read --grant-read-acp --grant-write-acp --key --metadata --server-side-encryption --storage-class --website-redirect-location --sse-customer-algorithm --sse-customer-key --sse-customer-key-md5 --ssekms-key-id --ssekms-encryption-context --bucket-key-enabled --no-bucket-key-enabled --request-payer --tagging --object-lock-mode --object-lock-retain-until-date --object-lock-legal-hold-status --expected-bucket-owner --checksum-algorithm --checksum-type --cli-input-json --cli-input-yaml --generate-cli-skeleton --debug --endpoint-url --no-verify-ssl --no-paginate --output --query --profile --region --version --color --no-sign-request --ca-bundle --cli-read-timeout --cli-connect-timeout --cli-binary-format --no-cli-pager --cli-auto-prompt --no-cli-auto-prompt --cli-error-format" ;;
      list-multipart-uploads) opts="--bucket --delimiter --encoding-type --prefix --expected-bucket-owner --request-payer --cli-input-json --cli-input-yaml --generate-cli-skeleton --starting-token --page-size --max-items --debug --endpoint-url --no-verify-ssl --no-paginate --output --query --profile --region --version --color --no-sign-request --ca-bundle --cli-read-timeout --cli-connect-timeout --cli-binary-format --no-cli-pager --cli-auto-prompt --no-cli-auto-prompt --cli-error-format" ;;
      list-parts) opts="--bucket --key --upload-id --request-payer --expected-bucket-owner --sse-customer-algorithm --sse-customer-key --sse-customer-key-md5 --cli-input-json --cli-input-yaml --generate-cli-skeleton --starting-token --page-size --max-items --debug --endpoint-url --no-verify-ssl --no-paginate --output --query --profile --region --version --color --no-sign-request --ca-bundle --cli-read-timeout --cli-connect-timeout --cli-binary-format --no-cli-pager --cli-auto-prompt --no-cli-auto-prompt --cli-error-format" ;;
      upload-part) opts="--body --bucket --content-length --content-md5 --checksum-algorithm --checksum-crc32 --checksum-crc32-c --checksum-crc64-nvme --checksum-sha1 --checksum-sha256 --checksum-sha512 --checksum-md5 --checksum-xxhash64 --checksum-xxhash3 --checksum-xxhash128 --key --part-number --upload-id --sse-customer-algorithm --sse-customer-key --sse-customer-key-md5 --request-payer --expected-bucket-owner --byte-range --split-size --cli-input-json --cli-input-yaml --generate-cli-skeleton --debug --endpoint-url --no-verify-ssl --no-paginate --output --query --profile --region --version --color --no-sign-request --ca-bundle --cli-read-timeout --cli-connect-timeout --cli-binary-format --no-cli-pager --cli-auto-prompt --no-cli-auto-prompt --cli-error-format" ;;
      upload-part-copy) opts="--bucket --copy-source --copy-source-if-match --copy-source-if-modified-since --copy-source-if-none-match --copy-source-if-unmodified-since --copy-source-range --key --part-number --upload-id --sse-customer-algorithm --sse-customer-key --sse-customer-key-md5 --copy-source-sse-customer-algorithm --copy-source-sse-customer-key --copy-source-sse-customer-key-md5 --request-payer --expected-bucket-owner --expected-source-bucket-owner --cli-input-json --cli-input-yaml --generate-cli-skeleton --debug --endpoint-url --no-verify-ssl --no-paginate --output --query --profile --region --version --color --no-sign-request --ca-bundle --cli-read-timeout --cli-connect-timeout --cli-binary-format --no-cli-pager --cli-auto-prompt --no-cli-auto-prompt --cli-error-format" ;;
      *) opts="--debug --endpoint-url --no-verify-ssl --no-paginate --output --query --profile --region --version --color --no-sign-request --ca-bundle --cli-read-timeout --cli-connect-timeout --cli-binary-format --no-cli-pager --cli-auto-prompt --no-cli-auto-prompt --cli-error-format" ;;
  esac
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o default -F _s3api s3api
